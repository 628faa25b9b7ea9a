import { Ok } from '@civicdesk/contracts/common';
import {
  Certificate,
  CertificateIssue,
  CertificateQuery,
  Pkcs11Binding,
  Revoke,
  SignedShare,
  SignedShareQuery,
  VerifyByCode,
  VerifyCode,
  VerifyReport,
} from '@civicdesk/contracts/signatures';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type App, requestCtx, userCtx } from '../../platform/http/types.ts';
import { platformRoot } from './use-cases/authority.ts';
import { adminIssue, type Holder, listCertificates, revokeCertificate } from './use-cases/certificates.ts';
import { bindPkcs11, importPkcs12 } from './use-cases/external.ts';
import { imageOf, maxImageBytes, setMySignatureImage, setSealImage } from './use-cases/images.ts';
import { signedShare } from './use-cases/kpi.ts';
import { documentReport, publicPdf, verifyByCode, verifyBytes } from './use-cases/verify.ts';

const tags = ['signatures'];
const ById = z.object({ id: z.uuid() });
const Created = z.object({ id: z.uuid() });
const ok = { ok: true as const };

/** One uploaded file and the form fields sent before it. */
async function upload(req: FastifyRequest, maxBytes: number) {
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new AppError('bad_request', 'signatures.no_file');
  const bytes = await file.toBuffer();
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(file.fields)) {
    const value = (field as { value?: unknown } | undefined)?.value;
    if (typeof value === 'string') fields[name] = value;
  }
  return { bytes, fields };
}

const HolderFields = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), agencyId: z.uuid(), userId: z.uuid() }),
  z.object({ kind: z.literal('seal'), agencyId: z.uuid() }),
]);
const ImportFields = z.object({ password: z.string().max(256).default('') });

function certificateRoutes(app: App, config: Config) {
  app.get(
    '/api/signatures/certificates',
    { schema: { tags, querystring: CertificateQuery, response: { 200: z.array(Certificate) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listCertificates(ctx, ctx.actor, req.query.agencyId);
    },
  );
  app.post(
    '/api/signatures/certificates',
    { schema: { tags, body: CertificateIssue, response: { 200: Created } } },
    async (req) => {
      const ctx = userCtx(req);
      return { id: await adminIssue(ctx, config, ctx.actor, req.body as Holder) };
    },
  );
  app.post(
    '/api/signatures/certificates/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: Created } } },
    async (req) => {
      const ctx = userCtx(req);
      const { bytes, fields } = await upload(req, 256 * 1024);
      const holder = HolderFields.parse(fields);
      const { password } = ImportFields.parse(fields);
      return { id: await importPkcs12(ctx, config, ctx.actor, holder, bytes, password) };
    },
  );
  app.post(
    '/api/signatures/certificates/pkcs11',
    { schema: { tags, body: Pkcs11Binding, response: { 200: Created } } },
    async (req) => {
      const ctx = userCtx(req);
      const { module, tokenLabel, keyLabel, pin, ...rest } = req.body;
      const holder = HolderFields.parse(rest);
      return { id: await bindPkcs11(ctx, config, ctx.actor, holder, { module, tokenLabel, keyLabel, pin }) };
    },
  );
  app.post(
    '/api/signatures/certificates/:id/revoke',
    { schema: { tags, params: ById, body: Revoke, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await revokeCertificate(ctx, ctx.actor, req.params.id, req.body.reason);
      return ok;
    },
  );
}

function imageRoutes(app: App) {
  app.get('/api/me/signature-image', { schema: { tags } }, async (req, reply) => {
    const ctx = userCtx(req);
    return reply
      .type('image/png')
      .header('cache-control', 'no-store')
      .send(await imageOf(ctx, ctx.actor.userId));
  });
  app.put(
    '/api/me/signature-image',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await setMySignatureImage(ctx, ctx.actor, (await upload(req, maxImageBytes)).bytes);
      return ok;
    },
  );
  app.get('/api/agencies/:id/seal-image', { schema: { tags, params: ById } }, async (req, reply) => {
    const ctx = userCtx(req);
    return reply
      .type('image/png')
      .header('cache-control', 'no-store')
      .send(await imageOf(ctx, req.params.id));
  });
  app.put(
    '/api/agencies/:id/seal-image',
    { schema: { tags, params: ById, consumes: ['multipart/form-data'], response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await setSealImage(ctx, ctx.actor, req.params.id, (await upload(req, maxImageBytes)).bytes);
      return ok;
    },
  );
}

/** Verification needs no account: anyone holding a PDF or its QR code may check it. */
function verifyRoutes(app: App, config: Config) {
  const limit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
  app.post(
    '/api/verify',
    { config: limit, schema: { tags, consumes: ['multipart/form-data'], response: { 200: VerifyReport } } },
    async (req) => {
      const { bytes } = await upload(req, config.maxUploadBytes);
      return verifyBytes(requestCtx(req), bytes);
    },
  );
  app.get('/api/verify/root-certificate', { config: limit, schema: { tags } }, async (req, reply) => {
    const der = await platformRoot(requestCtx(req));
    const pem = `-----BEGIN CERTIFICATE-----\n${der
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')
      .trimEnd()}\n-----END CERTIFICATE-----\n`;
    return reply
      .type('application/x-pem-file')
      .header('content-disposition', 'attachment; filename="civicdesk-root-ca.pem"')
      .send(pem);
  });
  app.get(
    '/api/verify/:code',
    { config: limit, schema: { tags, params: VerifyCode, response: { 200: VerifyByCode } } },
    async (req) => verifyByCode(requestCtx(req), config, req.params.code),
  );
  app.get(
    '/api/verify/:code/pdf',
    { config: limit, schema: { tags, params: VerifyCode } },
    async (req, reply) => {
      const { name, bytes } = await publicPdf(requestCtx(req), config, req.params.code);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(bytes);
    },
  );
  app.get(
    '/api/documents/:id/signatures',
    { schema: { tags, params: ById, response: { 200: VerifyReport } } },
    async (req) => {
      const ctx = userCtx(req);
      return documentReport(ctx, config, ctx.actor, req.params.id);
    },
  );
  app.get(
    '/api/signatures/kpi',
    { schema: { tags, querystring: SignedShareQuery, response: { 200: z.array(SignedShare) } } },
    async (req) => {
      const ctx = userCtx(req);
      return signedShare(ctx, ctx.actor, req.query);
    },
  );
}

export function signaturesRoutes(app: App, config: Config) {
  certificateRoutes(app, config);
  imageRoutes(app);
  verifyRoutes(app, config);
}
