import { Ok } from '@civicdesk/contracts/common';
import {
  Report,
  ReportReturn,
  ReportSave,
  ReportTask,
  Synthesis,
  TemplateCreate,
  TemplateDetail,
  TemplateSummary,
} from '@civicdesk/contracts/reports';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { type App, userCtx } from '../../platform/http/types.ts';
import * as submissions from './use-cases/submissions.ts';
import { synthesis } from './use-cases/synthesis.ts';
import * as templates from './use-cases/templates.ts';

const tags = ['reports'];
const ById = z.object({ id: z.uuid() });

export function reportsRoutes(app: App, config: Config) {
  app.post(
    '/api/report-templates',
    { schema: { tags, body: TemplateCreate, response: { 200: TemplateDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      const t = await templates.createTemplate(ctx, ctx.actor, req.body);
      return templates.templateDetail(ctx, ctx.actor, t.id);
    },
  );
  app.get(
    '/api/report-templates',
    { schema: { tags, response: { 200: z.array(TemplateSummary) } } },
    async (req) => {
      const ctx = userCtx(req);
      return (await templates.listTemplates(ctx, ctx.actor)).map(templates.toTemplate);
    },
  );
  app.get(
    '/api/report-templates/:id',
    { schema: { tags, params: ById, response: { 200: TemplateDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return templates.templateDetail(ctx, ctx.actor, req.params.id);
    },
  );
  app.get('/api/reports/tasks', { schema: { tags, response: { 200: z.array(ReportTask) } } }, async (req) => {
    const ctx = userCtx(req);
    return submissions.listTasks(ctx, ctx.actor);
  });
  app.get(
    '/api/report-periods/:id/report',
    {
      schema: {
        tags,
        params: ById,
        querystring: z.object({ agencyId: z.uuid() }),
        response: { 200: Report },
      },
    },
    async (req) => {
      const ctx = userCtx(req);
      return submissions.reportFor(ctx, ctx.actor, req.params.id, req.query.agencyId);
    },
  );
  app.put(
    '/api/report-periods/:id/report',
    { schema: { tags, params: ById, body: ReportSave, response: { 200: Report } } },
    async (req) => {
      const ctx = userCtx(req);
      return submissions.saveReport(ctx, ctx.actor, req.params.id, req.body);
    },
  );
  app.get('/api/reports/:id', { schema: { tags, params: ById, response: { 200: Report } } }, async (req) => {
    const ctx = userCtx(req);
    return submissions.reportById(ctx, ctx.actor, req.params.id);
  });
  app.post(
    '/api/reports/:id/return',
    { schema: { tags, params: ById, body: ReportReturn, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await submissions.returnReport(ctx, ctx.actor, req.params.id, req.body.reason);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/report-periods/:id/synthesis',
    {
      schema: {
        tags,
        params: ById,
        querystring: z.object({ engine: z.enum(['extractive', 'llm']).default('extractive') }),
        response: { 200: Synthesis },
      },
    },
    async (req) => {
      const ctx = userCtx(req);
      return synthesis(ctx, ctx.actor, config, req.params.id, req.query.engine === 'llm');
    },
  );
}
