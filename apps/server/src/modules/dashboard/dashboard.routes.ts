import { Dashboard, DashboardQuery, DrillPage, DrillQuery } from '@civicdesk/contracts/dashboard';
import { z } from 'zod';
import { type App, userCtx } from '../../platform/http/types.ts';
import { dashboard, drill, exportTable, toCsv, toXlsx } from './dashboard.service.ts';

const tags = ['dashboard'];

export function dashboardRoutes(app: App) {
  app.get(
    '/api/dashboard',
    { schema: { tags, querystring: DashboardQuery, response: { 200: Dashboard } } },
    async (req) => {
      const ctx = userCtx(req);
      return dashboard(ctx, ctx.actor, req.query);
    },
  );
  app.get(
    '/api/dashboard/drill',
    { schema: { tags, querystring: DrillQuery, response: { 200: DrillPage } } },
    async (req) => {
      const ctx = userCtx(req);
      return drill(ctx, ctx.actor, req.query);
    },
  );
  app.get(
    '/api/dashboard/export',
    { schema: { tags, querystring: DashboardQuery.extend({ format: z.enum(['csv', 'xlsx']) }) } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const d = await dashboard(ctx, ctx.actor, req.query);
      const table = exportTable(ctx.locale, d);
      const name = `dashboard-${req.query.from}-${req.query.to}`;
      reply.header('content-disposition', `attachment; filename="${name}.${req.query.format}"`);
      if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await toXlsx(table, name));
    },
  );
}
