import {
  Assign,
  Decision,
  Holiday,
  InfoRequest,
  Procedure,
  ProcedureInput,
  ProcedureUpdate,
  QueueQuery,
  RegistryEntry,
  RegistryLookup,
  Submission,
  SubmissionSummary,
} from '@civicdesk/contracts/services';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { notFound } from '../../platform/http/errors.ts';
import { type App, userCtx } from '../../platform/http/types.ts';
import type { Mailer } from '../../platform/mail.ts';
import { readFile } from '../files/files.service.ts';
import { assertStaff } from './services.access.ts';
import { approve, resultPdfSha } from './use-cases/approve.ts';
import {
  addHoliday,
  createProcedure,
  listHolidays,
  listProcedures,
  removeHoliday,
  updateProcedure,
} from './use-cases/catalogue.ts';
import {
  assign,
  getForStaff,
  listQueue,
  refuse,
  requestInfo,
  staffSubmission,
} from './use-cases/processing.ts';
import { lookup } from './use-cases/registry.ts';
import { fileHashes } from './use-cases/validate.ts';

// The agency's side: the catalogue and holidays (administrators), the queue and decisions (heads and
// officials), and registry lookups with the holder's consent.

const tags = ['services'];
const ById = z.object({ id: z.uuid() });
const ByAgency = z.object({ agencyId: z.uuid() });

export function serviceRoutes(app: App, config: Config, mailer: Mailer | null) {
  app.get(
    '/api/services/procedures',
    { schema: { tags, querystring: ByAgency, response: { 200: z.array(Procedure) } } },
    async (req) => {
      const ctx = userCtx(req);
      await assertStaff(ctx, ctx.actor, req.query.agencyId);
      return listProcedures(ctx, req.query.agencyId, true);
    },
  );
  app.post(
    '/api/services/procedures',
    { schema: { tags, body: ProcedureInput, response: { 201: Procedure } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.code(201).send(await createProcedure(ctx, ctx.actor, req.body));
    },
  );
  app.patch(
    '/api/services/procedures/:id',
    { schema: { tags, params: ById, body: ProcedureUpdate, response: { 200: Procedure } } },
    async (req) => {
      const ctx = userCtx(req);
      return updateProcedure(ctx, ctx.actor, req.params.id, req.body);
    },
  );
  app.get(
    '/api/services/holidays',
    { schema: { tags, querystring: ByAgency, response: { 200: z.array(Holiday) } } },
    async (req) => {
      const ctx = userCtx(req);
      await assertStaff(ctx, ctx.actor, req.query.agencyId);
      return listHolidays(ctx, req.query.agencyId);
    },
  );
  app.post(
    '/api/services/holidays',
    { schema: { tags, querystring: ByAgency, body: Holiday, response: { 200: z.array(Holiday) } } },
    async (req) => {
      const ctx = userCtx(req);
      return addHoliday(ctx, ctx.actor, req.query.agencyId, req.body);
    },
  );
  app.delete(
    '/api/services/holidays/:date',
    {
      schema: {
        tags,
        params: z.object({ date: z.iso.date() }),
        querystring: ByAgency,
        response: { 200: z.array(Holiday) },
      },
    },
    async (req) => {
      const ctx = userCtx(req);
      return removeHoliday(ctx, ctx.actor, req.query.agencyId, req.params.date);
    },
  );
  processingRoutes(app, config, mailer);
}

function processingRoutes(app: App, config: Config, mailer: Mailer | null) {
  app.get(
    '/api/services/queue',
    { schema: { tags, querystring: QueueQuery, response: { 200: z.array(SubmissionSummary) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listQueue(ctx, ctx.actor, req.query.agencyId, req.query.state);
    },
  );
  app.get(
    '/api/services/submissions/:id',
    { schema: { tags, params: ById, response: { 200: Submission } } },
    async (req) => {
      const ctx = userCtx(req);
      return getForStaff(ctx, ctx.actor, req.params.id);
    },
  );
  app.get(
    '/api/services/submissions/:id/files/:sha256',
    { schema: { tags, params: z.object({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const view = await getForStaff(ctx, ctx.actor, req.params.id);
      const refs = [view.values, ...view.events.map((e) => e.values ?? {})];
      if (!fileHashes(refs).has(req.params.sha256)) throw notFound();
      return reply
        .header('content-disposition', 'attachment')
        .send(await readFile(config, req.params.sha256));
    },
  );
  app.get('/api/services/submissions/:id/result', { schema: { tags, params: ById } }, async (req, reply) => {
    const ctx = userCtx(req);
    const { row } = await staffSubmission(ctx, ctx.actor, req.params.id);
    const file = await resultPdfSha(ctx, row);
    return reply.type('application/pdf').send(await readFile(config, file.sha256));
  });
  app.post(
    '/api/services/submissions/:id/assign',
    { schema: { tags, params: ById, body: Assign, response: { 200: Submission } } },
    async (req) => {
      const ctx = userCtx(req);
      return assign(ctx, ctx.actor, req.params.id, req.body.assigneeId);
    },
  );
  app.post(
    '/api/services/submissions/:id/request-info',
    { schema: { tags, params: ById, body: InfoRequest, response: { 200: Submission } } },
    async (req) => {
      const ctx = userCtx(req);
      return requestInfo(ctx, mailer, ctx.actor, req.params.id, req.body.message);
    },
  );
  app.post(
    '/api/services/submissions/:id/approve',
    { schema: { tags, params: ById, body: Decision, response: { 200: Submission } } },
    async (req) => {
      const ctx = userCtx(req);
      return approve(ctx, config, mailer, ctx.actor, req.params.id, req.body.reason);
    },
  );
  app.post(
    '/api/services/submissions/:id/refuse',
    { schema: { tags, params: ById, body: Decision, response: { 200: Submission } } },
    async (req) => {
      const ctx = userCtx(req);
      return refuse(ctx, mailer, ctx.actor, req.params.id, req.body.reason);
    },
  );
  app.post(
    '/api/services/registry/lookup',
    { schema: { tags, body: RegistryLookup, response: { 200: z.array(RegistryEntry) } } },
    async (req) => {
      const ctx = userCtx(req);
      return lookup(ctx, ctx.actor, req.body);
    },
  );
}
