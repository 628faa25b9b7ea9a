import {
  AllowanceLine,
  AllowanceQuery,
  MinutesEdit,
  MinutesInfo,
  OpenPoll,
  Poll,
  Vote,
  VoteReceipt,
} from '@civicdesk/contracts/committees';
import { Ok } from '@civicdesk/contracts/common';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { type App, type Deps, requestlessCtx, userCtx } from '../../platform/http/types.ts';
import { createMailer } from '../../platform/mail.ts';
import { allowances, allowancesCsv, allowancesXlsx } from './use-cases/allowances.ts';
import { castVote } from './use-cases/ballots.ts';
import * as minutes from './use-cases/minutes.ts';
import * as minutesSign from './use-cases/minutes-sign.ts';
import { closePoll, openPoll } from './use-cases/polls.ts';
import { closeWrittenEarly, runWrittenDeliberation } from './use-cases/written.ts';

const tags = ['committees'];
const ById = z.object({ id: z.uuid() });

// Polls and votes, written deliberation, minutes and allowances of committee meetings.
export function votesRoutes(app: App, config: Config) {
  app.post(
    '/api/meetings/:id/items/:itemId/polls',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        body: OpenPoll,
        response: { 201: Poll },
      },
    },
    async (req, reply) => {
      const ctx = userCtx(req);
      reply.code(201);
      return openPoll(ctx, ctx.actor, req.params.id, req.params.itemId, req.body);
    },
  );
  app.post(
    '/api/polls/:id/vote',
    { schema: { tags, params: ById, body: Vote, response: { 200: VoteReceipt } } },
    async (req) => {
      const ctx = userCtx(req);
      return castVote(ctx, ctx.actor, req.params.id, req.body);
    },
  );
  app.post(
    '/api/polls/:id/close',
    { schema: { tags, params: ById, response: { 200: Poll } } },
    async (req) => {
      const ctx = userCtx(req);
      return closePoll(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/meetings/:id/written/close',
    { schema: { tags, params: ById, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await closeWrittenEarly(ctx, ctx.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/meetings/:id/minutes',
    { schema: { tags, params: ById, response: { 200: MinutesInfo } } },
    async (req) => {
      const ctx = userCtx(req);
      return minutes.minutesInfo(ctx, ctx.actor, req.params.id);
    },
  );
  app.put(
    '/api/meetings/:id/minutes',
    { schema: { tags, params: ById, body: MinutesEdit, response: { 200: MinutesInfo } } },
    async (req) => {
      const ctx = userCtx(req);
      return minutes.editMinutes(ctx, ctx.actor, req.params.id, req.body.summaryHtml);
    },
  );
  const step = (
    path: string,
    run: (ctx: ReturnType<typeof userCtx>, id: string) => Promise<z.infer<typeof MinutesInfo>>,
  ) =>
    app.post(
      `/api/meetings/:id/minutes/${path}`,
      { schema: { tags, params: ById, response: { 200: MinutesInfo } } },
      async (req) => run(userCtx(req), req.params.id),
    );
  step('circulate', (ctx, id) => minutes.circulateMinutes(ctx, ctx.actor, id));
  step('confirm', (ctx, id) => minutes.confirmMinutes(ctx, ctx.actor, id));
  step('sign', (ctx, id) => minutesSign.signMinutes(ctx, config, ctx.actor, id));
  for (const [path, variant] of [
    ['pdf', 'full'],
    ['public.pdf', 'public'],
  ] as const)
    app.get(`/api/meetings/:id/minutes/${path}`, { schema: { tags, params: ById } }, async (req, reply) => {
      const ctx = userCtx(req);
      const bytes = await minutesSign.minutesPdf(ctx, config, ctx.actor, req.params.id, variant);
      const name = variant === 'full' ? 'minutes.pdf' : 'minutes-public.pdf';
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(bytes);
    });

  app.get(
    '/api/committees/:id/allowances',
    {
      schema: { tags, params: ById, querystring: AllowanceQuery, response: { 200: z.array(AllowanceLine) } },
    },
    async (req) => {
      const ctx = userCtx(req);
      return allowances(ctx, ctx.actor, req.params.id, req.query);
    },
  );
  for (const format of ['csv', 'xlsx'] as const)
    app.get(
      `/api/committees/:id/allowances.${format}`,
      { schema: { tags, params: ById, querystring: AllowanceQuery } },
      async (req, reply) => {
        const ctx = userCtx(req);
        const lines = await allowances(ctx, ctx.actor, req.params.id, req.query);
        const name = `allowances-${req.query.from}-${req.query.to}`;
        reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
        if (format === 'csv')
          return reply.type('text/csv; charset=utf-8').send(allowancesCsv(ctx.locale, lines));
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await allowancesXlsx(ctx.locale, lines, name));
      },
    );
}

/**
 * The written-deliberation timer, like dispatch's reminders: every REMINDER_INTERVAL_MINUTES (0 = off) it closes
 * what is past its deadline and reminds those who have not voted. Unref'd, cleared when the app closes.
 */
export function startWrittenDeliberationJob(app: App, deps: Deps) {
  const minutes = deps.config.reminderIntervalMinutes;
  if (minutes <= 0) return;
  const mailer = createMailer(deps.config.smtpUrl, deps.config.mailFrom);
  let timer: NodeJS.Timeout | undefined;
  const tick = () =>
    runWrittenDeliberation(requestlessCtx(deps, app.log), mailer).catch((err) =>
      app.log.error({ err }, 'written deliberation job failed'),
    );
  app.addHook('onReady', async () => {
    timer = setInterval(tick, minutes * 60_000);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
