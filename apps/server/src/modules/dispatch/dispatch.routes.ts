import { Ok } from '@civicdesk/contracts/common';
import {
  Assign,
  Circulate,
  Close,
  CompleteTask,
  Delivery,
  DeliveryDetail,
  Distribute,
  ForwardDelivery,
  InboxCounters,
  IncomingQuery,
  MyDelivery,
  OverdueRate,
  RecallIssued,
  RegisterKind,
  RegisterQuery,
  RegisterTable,
  ReturnDelivery,
} from '@civicdesk/contracts/dispatch';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { type App, userCtx } from '../../platform/http/types.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { assertMember } from '../org/org.service.ts';
import { inboxCounters, overdueRate } from './use-cases/inbox.ts';
import { issueDocument, recallIssued } from './use-cases/issue.ts';
import { deliveryDetail, listDeliveriesOfDocument, listIncoming, listMine } from './use-cases/lists.ts';
import { receiptSlip } from './use-cases/receipt.ts';
import * as receiving from './use-cases/receive.ts';
import { register, registerCsv, registerXlsx } from './use-cases/registers.ts';

const tags = ['dispatch'];
const ById = z.object({ id: z.uuid() });
const ok = { ok: true as const };

export function dispatchRoutes(app: App, config: Config) {
  app.post(
    '/api/documents/:id/issue',
    { schema: { tags, params: ById, response: { 200: z.object({ numberText: z.string() }) } } },
    async (req) => {
      const ctx = userCtx(req);
      const doc = await issueDocument(ctx, config, ctx.actor, req.params.id);
      return { numberText: doc.numberText! };
    },
  );
  app.post(
    '/api/documents/:id/recall-issued',
    { schema: { tags, params: ById, body: RecallIssued, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await recallIssued(ctx, ctx.actor, req.params.id, req.body.reason);
      return ok;
    },
  );
  app.get(
    '/api/documents/:id/deliveries',
    { schema: { tags, params: ById, response: { 200: z.array(Delivery) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listDeliveriesOfDocument(ctx, ctx.actor, req.params.id);
    },
  );
  app.get(
    '/api/agencies/:id/incoming',
    { schema: { tags, params: ById, querystring: IncomingQuery, response: { 200: z.array(Delivery) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listIncoming(ctx, ctx.actor, req.params.id, req.query);
    },
  );
  app.get(
    '/api/deliveries/mine',
    {
      schema: {
        tags,
        querystring: z.object({ role: z.enum(['handle', 'information']).default('handle') }),
        response: { 200: z.array(MyDelivery) },
      },
    },
    async (req) => {
      const ctx = userCtx(req);
      return listMine(ctx, ctx.actor, req.query.role);
    },
  );
  app.get(
    '/api/deliveries/:id',
    { schema: { tags, params: ById, response: { 200: DeliveryDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return deliveryDetail(ctx, ctx.actor, req.params.id);
    },
  );
  // The receipt slip (phiếu tiếp nhận / 접수증) of a received copy, for its receiving agency only.
  app.get('/api/deliveries/:id/receipt', { schema: { tags, params: ById } }, async (req, reply) => {
    const ctx = userCtx(req);
    const f = await receiptSlip(ctx, config, ctx.actor, req.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(Buffer.from(f.bytes));
  });
  const action = <S extends z.ZodType>(
    path: string,
    body: S,
    run: (ctx: ReturnType<typeof userCtx>, id: string, input: z.infer<S>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/deliveries/:id/${path}`,
      { schema: { tags, params: ById, body, response: { 200: Ok } } },
      async (req) => {
        const ctx = userCtx(req);
        await run(ctx, req.params.id, req.body as z.infer<S>);
        return ok;
      },
    );
  action('receive', z.object({}).optional(), (ctx, id) => receiving.receive(ctx, ctx.actor, id));
  action('return', ReturnDelivery, (ctx, id, b) => receiving.returnToSender(ctx, ctx.actor, id, b.reason));
  action('forward', ForwardDelivery, (ctx, id, b) => receiving.forward(ctx, ctx.actor, id, b));
  action('distribute', Distribute, (ctx, id, b) => receiving.distribute(ctx, ctx.actor, id, b.unitId));
  action('assign', Assign, (ctx, id, b) => receiving.assign(ctx, ctx.actor, id, b));
  action('close', Close, (ctx, id, b) => receiving.close(ctx, ctx.actor, id, b.resultNote));
  action('circulate', Circulate, (ctx, id, b) => receiving.circulate(ctx, ctx.actor, id, b.userIds));
  action('complete-task', CompleteTask, (ctx, id, b) => receiving.completeTask(ctx, ctx.actor, id, b.report));

  const RegisterParams = z.object({ id: z.uuid(), kind: RegisterKind });
  app.get(
    '/api/agencies/:id/registers/:kind',
    {
      schema: {
        tags,
        params: RegisterParams,
        querystring: z.object({ year: RegisterQuery.shape.year }),
        response: { 200: RegisterTable },
      },
    },
    async (req) => {
      const ctx = userCtx(req);
      const r = await register(ctx, ctx.actor, req.params.id, req.params.kind, req.query.year);
      return { ...r, headers: r.columns.map((c) => translate(ctx.locale, `registers.${c}`)) };
    },
  );
  app.get(
    '/api/agencies/:id/registers/:kind/export',
    {
      schema: {
        tags,
        params: RegisterParams,
        querystring: z.object({ year: RegisterQuery.shape.year, format: z.enum(['csv', 'xlsx']) }),
      },
    },
    async (req, reply) => {
      const ctx = userCtx(req);
      const r = await register(ctx, ctx.actor, req.params.id, req.params.kind, req.query.year);
      const name = `${req.params.kind}-register-${req.query.year}`;
      reply.header('content-disposition', `attachment; filename="${name}.${req.query.format}"`);
      if (req.query.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(registerCsv(ctx.locale, r));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await registerXlsx(ctx.locale, r, name));
    },
  );
  app.get(
    '/api/inbox/counters',
    { schema: { tags: ['inbox'], response: { 200: InboxCounters } } },
    async (req) => {
      const ctx = userCtx(req);
      return inboxCounters(ctx, ctx.actor);
    },
  );
  app.get(
    '/api/agencies/:id/overdue-rate',
    { schema: { tags, params: ById, response: { 200: OverdueRate } } },
    async (req) => {
      const ctx = userCtx(req);
      await assertMember(ctx, ctx.actor, req.params.id);
      const rows = await overdueRate(ctx, [req.params.id]);
      return rows.map((r) => ({
        agencyId: r.agency_id,
        due: r.due,
        overdue: r.overdue,
        doneOnTime: r.done_on_time,
        rate: r.due ? r.overdue / r.due : 0,
      }));
    },
  );
}
