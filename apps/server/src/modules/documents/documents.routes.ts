import { AuditEntry } from '@civicdesk/contracts/audit';
import { Ok } from '@civicdesk/contracts/common';
import {
  Attachment,
  DocumentCreate,
  DocumentDetail,
  DocumentListQuery,
  DocumentPage,
  DocumentTemplate,
  DocumentTemplateCreate,
  DocumentUpdate,
  VersionDiff,
  VersionSummary,
} from '@civicdesk/contracts/documents';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type App, userCtx } from '../../platform/http/types.ts';
import {
  addAttachment,
  attachmentFile,
  documentHistory,
  officialPdf,
  removeAttachment,
} from './use-cases/attachments.ts';
import { createDocument, updateDocument, versionDiff } from './use-cases/draft.ts';
import { assertReadable, getDocument, listDocuments, listDocumentVersions } from './use-cases/read.ts';
import { createTemplate, deleteTemplate, listTemplates } from './use-cases/templates.ts';

const tags = ['documents'];
const ById = z.object({ id: z.uuid() });

export function documentsRoutes(app: App, config: Config) {
  app.post(
    '/api/documents',
    { schema: { tags, body: DocumentCreate, response: { 201: DocumentDetail } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const doc = await createDocument(ctx, ctx.actor, req.body);
      return reply.status(201).send(await getDocument(ctx, ctx.actor, doc.id));
    },
  );
  app.get(
    '/api/documents',
    { schema: { tags, querystring: DocumentListQuery, response: { 200: DocumentPage } } },
    async (req) => {
      const ctx = userCtx(req);
      return listDocuments(ctx, ctx.actor, req.query);
    },
  );
  app.get(
    '/api/documents/:id',
    { schema: { tags, params: ById, response: { 200: DocumentDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return getDocument(ctx, ctx.actor, req.params.id);
    },
  );
  app.patch(
    '/api/documents/:id',
    { schema: { tags, params: ById, body: DocumentUpdate, response: { 200: DocumentDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      await updateDocument(ctx, ctx.actor, req.params.id, req.body);
      return getDocument(ctx, ctx.actor, req.params.id);
    },
  );
  app.get(
    '/api/documents/:id/versions',
    { schema: { tags, params: ById, response: { 200: z.array(VersionSummary) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listDocumentVersions(ctx, ctx.actor, req.params.id);
    },
  );
  app.get(
    '/api/documents/:id/diff',
    {
      schema: {
        tags,
        params: ById,
        querystring: z.object({
          from: z.coerce.number().int().positive(),
          to: z.coerce.number().int().positive(),
        }),
        response: { 200: VersionDiff },
      },
    },
    async (req) => {
      const ctx = userCtx(req);
      await assertReadable(ctx, ctx.actor, req.params.id);
      return versionDiff(ctx, req.query.from, req.query.to, req.params.id);
    },
  );
  app.get(
    '/api/documents/:id/history',
    { schema: { tags, params: ById, response: { 200: z.array(AuditEntry) } } },
    async (req) => {
      const ctx = userCtx(req);
      return documentHistory(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/documents/:id/attachments',
    { schema: { tags, params: ById, consumes: ['multipart/form-data'], response: { 201: Attachment } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const file = await req.file({ limits: { fileSize: config.maxUploadBytes, files: 1 } });
      if (!file) throw new AppError('bad_request', 'documents.no_file');
      const bytes = await file.toBuffer();
      return reply
        .status(201)
        .send(await addAttachment(ctx, config, ctx.actor, req.params.id, { name: file.filename, bytes }));
    },
  );
  const AttParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
  app.delete(
    '/api/documents/:id/attachments/:attachmentId',
    { schema: { tags, params: AttParams, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await removeAttachment(ctx, ctx.actor, req.params.id, req.params.attachmentId);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/documents/:id/attachments/:attachmentId',
    { schema: { tags, params: AttParams } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const f = await attachmentFile(ctx, config, ctx.actor, req.params.id, req.params.attachmentId);
      const disposition =
        f.mime === 'application/pdf' || f.mime.startsWith('image/') ? 'inline' : 'attachment';
      return reply
        .type(f.mime)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(f.bytes);
    },
  );
  app.get('/api/documents/:id/pdf', { schema: { tags, params: ById } }, async (req, reply) => {
    const ctx = userCtx(req);
    const f = await officialPdf(ctx, config, ctx.actor, req.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(f.bytes);
  });
  templatesRoutes(app);
}

function templatesRoutes(app: App) {
  app.get(
    '/api/agencies/:id/templates',
    { schema: { tags, params: ById, response: { 200: z.array(DocumentTemplate) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listTemplates(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/agencies/:id/templates',
    { schema: { tags, params: ById, body: DocumentTemplateCreate, response: { 201: DocumentTemplate } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await createTemplate(ctx, ctx.actor, req.params.id, req.body));
    },
  );
  app.delete('/api/templates/:id', { schema: { tags, params: ById, response: { 200: Ok } } }, async (req) => {
    const ctx = userCtx(req);
    await deleteTemplate(ctx, ctx.actor, req.params.id);
    return { ok: true as const };
  });
}
