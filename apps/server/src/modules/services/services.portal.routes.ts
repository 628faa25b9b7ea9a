import { Ok } from '@civicdesk/contracts/common';
import { LoginResponse } from '@civicdesk/contracts/identity';
import {
  AccessLogEntry,
  CitizenProfile,
  CitizenRegister,
  CitizenRegistered,
  Consent,
  ConsentInput,
  FileRef,
  InfoAnswer,
  PortalAgency,
  PortalLogin,
  Procedure,
  RegistryEntry,
  Submission,
  SubmissionCreated,
  SubmissionInput,
  SubmissionSummary,
  SubmissionUpdate,
  TrackingCode,
} from '@civicdesk/contracts/services';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type App, requestCtx, userCtx } from '../../platform/http/types.ts';
import type { Mailer } from '../../platform/mail.ts';
import { readFile, storeFile } from '../files/files.service.ts';
import { setSessionCookie } from '../identity/use-cases/sessions.ts';
import { signIn } from '../identity/use-cases/sign-in.ts';
import { resultPdfSha } from './use-cases/approve.ts';
import { getProcedure, listPortalAgencies, listProcedures } from './use-cases/catalogue.ts';
import {
  assertCitizen,
  citizenProfile,
  registerCitizen,
  setIdentifier,
  verifyEmail,
} from './use-cases/portal-accounts.ts';
import { answerInfo } from './use-cases/processing.ts';
import { accessLog, grantConsent, listConsents, myRecords, revokeConsent } from './use-cases/registry.ts';
import {
  byTrackingCode,
  createSubmission,
  listMySubmissions,
  mySubmission,
  ownOrTracked,
  updateDraft,
} from './use-cases/submit.ts';
import { submissionView } from './use-cases/view.ts';

// The public portal: anyone browses the catalogue and submits (as a guest with a tracking code); citizens
// register, sign in here (never through the staff sign-in), keep drafts, follow their cases and their records.

const tags = ['portal'];
const ById = z.object({ id: z.uuid() });

function citizenCtx(req: Parameters<typeof userCtx>[0]) {
  const ctx = userCtx(req);
  assertCitizen(ctx.actor);
  return ctx;
}

async function sendPdf(reply: FastifyReply, config: Config, file: { sha256: string; name: string }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(await readFile(config, file.sha256));
}

export function portalRoutes(app: App, config: Config, mailer: Mailer | null) {
  const strict = { rateLimit: { max: Math.min(config.loginRateLimit, 30), timeWindow: '1 minute' } };
  app.get(
    '/api/portal/agencies',
    { schema: { tags, response: { 200: z.array(PortalAgency) } } },
    async (req) => listPortalAgencies(requestCtx(req)),
  );
  app.get(
    '/api/portal/procedures',
    {
      schema: {
        tags,
        querystring: z.object({ agencyId: z.uuid().optional() }),
        response: { 200: z.array(Procedure) },
      },
    },
    async (req) => listProcedures(requestCtx(req), req.query.agencyId),
  );
  app.get(
    '/api/portal/procedures/:id',
    { schema: { tags, params: ById, response: { 200: Procedure } } },
    async (req) => getProcedure(requestCtx(req), req.params.id),
  );
  app.post(
    '/api/portal/register',
    { config: strict, schema: { tags, body: CitizenRegister, response: { 201: CitizenRegistered } } },
    async (req, reply) =>
      reply.code(201).send(await registerCitizen(requestCtx(req), config, mailer, req.body)),
  );
  app.post(
    '/api/portal/verify-email',
    {
      config: strict,
      schema: { tags, body: z.object({ token: z.string().min(20).max(100) }), response: { 200: Ok } },
    },
    async (req) => verifyEmail(requestCtx(req), req.body.token),
  );
  app.post(
    '/api/portal/login',
    { config: strict, schema: { tags, body: PortalLogin, response: { 200: LoginResponse } } },
    async (req, reply) => {
      const result = await signIn(
        requestCtx(req),
        config,
        { ...req.body, userAgent: req.headers['user-agent'] },
        'citizen',
      );
      setSessionCookie(reply, config, result.token);
      return { stage: result.stage, methods: result.stage === 'mfa' ? result.methods : undefined };
    },
  );
  app.get('/api/portal/me', { schema: { tags, response: { 200: CitizenProfile } } }, async (req) => {
    const ctx = userCtx(req);
    return citizenProfile(ctx, ctx.actor);
  });
  app.put(
    '/api/portal/me/identifier',
    {
      schema: {
        tags,
        body: z.object({
          identifier: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9-]{6,20}$/),
        }),
        response: { 200: CitizenProfile },
      },
    },
    async (req) => {
      const ctx = citizenCtx(req);
      return setIdentifier(ctx, ctx.actor, req.body.identifier);
    },
  );
  app.post(
    '/api/portal/files',
    { config: strict, schema: { tags, consumes: ['multipart/form-data'], response: { 200: FileRef } } },
    async (req) => {
      const file = await req.file({ limits: { fileSize: config.maxUploadBytes, files: 1 } });
      if (!file) throw new AppError('bad_request', 'files.empty', { name: '' });
      const bytes = await file.toBuffer();
      const stored = await storeFile(requestCtx(req), config, {
        name: file.filename,
        bytes,
        maxBytes: config.maxUploadBytes,
      });
      return { sha256: stored.sha256, name: stored.name };
    },
  );
  submissionRoutes(app, config, strict);
  recordRoutes(app);
}

function submissionRoutes(app: App, config: Config, strict: object) {
  app.post(
    '/api/portal/submissions',
    { config: strict, schema: { tags, body: SubmissionInput, response: { 201: SubmissionCreated } } },
    async (req, reply) => {
      const ctx = requestCtx(req);
      const actor = req.actor && req.sessionStage === 'full' ? req.actor : null;
      return reply.code(201).send(await createSubmission(ctx, actor, req.body));
    },
  );
  app.get(
    '/api/portal/submissions',
    { schema: { tags, response: { 200: z.array(SubmissionSummary) } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return listMySubmissions(ctx, ctx.actor);
    },
  );
  app.get(
    '/api/portal/submissions/:id',
    { schema: { tags, params: ById, response: { 200: Submission } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return mySubmission(ctx, ctx.actor, req.params.id);
    },
  );
  app.patch(
    '/api/portal/submissions/:id',
    { schema: { tags, params: ById, body: SubmissionUpdate, response: { 200: Submission } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return updateDraft(ctx, ctx.actor, req.params.id, req.body);
    },
  );
  app.post(
    '/api/portal/submissions/:id/answer',
    { schema: { tags, params: ById, body: InfoAnswer, response: { 200: Submission } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return answerInfo(ctx, await ownOrTracked(ctx, ctx.actor, { id: req.params.id }), req.body);
    },
  );
  app.get('/api/portal/submissions/:id/result', { schema: { tags, params: ById } }, async (req, reply) => {
    const ctx = citizenCtx(req);
    const row = await ownOrTracked(ctx, ctx.actor, { id: req.params.id });
    return sendPdf(reply, config, await resultPdfSha(ctx, row));
  });
  // A guest's code travels in the body, never in a URL that proxies and browser history would keep.
  app.post(
    '/api/portal/track',
    { config: strict, schema: { tags, body: TrackingCode, response: { 200: Submission } } },
    async (req) => {
      const ctx = requestCtx(req);
      return submissionView(ctx, await byTrackingCode(ctx, req.body.code));
    },
  );
  app.post(
    '/api/portal/track/answer',
    {
      config: strict,
      schema: { tags, body: InfoAnswer.extend(TrackingCode.shape), response: { 200: Submission } },
    },
    async (req) => {
      const ctx = requestCtx(req);
      return answerInfo(ctx, await byTrackingCode(ctx, req.body.code), req.body);
    },
  );
  app.post(
    '/api/portal/track/result',
    { config: strict, schema: { tags, body: TrackingCode } },
    async (req, reply) => {
      const ctx = requestCtx(req);
      return sendPdf(reply, config, await resultPdfSha(ctx, await byTrackingCode(ctx, req.body.code)));
    },
  );
}

function recordRoutes(app: App) {
  app.get(
    '/api/portal/records',
    { schema: { tags, response: { 200: z.array(RegistryEntry) } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return myRecords(ctx, ctx.actor);
    },
  );
  app.get(
    '/api/portal/access-log',
    { schema: { tags, response: { 200: z.array(AccessLogEntry) } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return accessLog(ctx, ctx.actor);
    },
  );
  app.get('/api/portal/consents', { schema: { tags, response: { 200: z.array(Consent) } } }, async (req) => {
    const ctx = citizenCtx(req);
    return listConsents(ctx, ctx.actor);
  });
  app.post(
    '/api/portal/consents',
    { schema: { tags, body: ConsentInput, response: { 200: z.array(Consent) } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return grantConsent(ctx, ctx.actor, req.body);
    },
  );
  app.delete(
    '/api/portal/consents/:id',
    { schema: { tags, params: ById, response: { 200: z.array(Consent) } } },
    async (req) => {
      const ctx = citizenCtx(req);
      return revokeConsent(ctx, ctx.actor, req.params.id);
    },
  );
}
