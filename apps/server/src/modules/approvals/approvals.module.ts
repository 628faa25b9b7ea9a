import {
  Act,
  ActResult,
  ApprovalView,
  SavedLine,
  SavedLineCreate,
  Submit,
} from '@civicdesk/contracts/approvals';
import { Ok } from '@civicdesk/contracts/common';
import { z } from 'zod';
import { type Module, userCtx } from '../../platform/http/types.ts';
import { approvalsMessages } from './approvals.messages.ts';
import { act, postReview, recall } from './use-cases/act.ts';
import { deleteSavedLine, listSavedLines, saveLine } from './use-cases/saved-lines.ts';
import { editRoute, submit } from './use-cases/submit.ts';
import { approvalView } from './use-cases/view.ts';

const tags = ['approvals'];
const ById = z.object({ id: z.uuid() });
const ok = { ok: true as const };

export const approvalsModule: Module = {
  name: 'approvals',
  messages: approvalsMessages,
  register(app, { config }) {
    app.post(
      '/api/documents/:id/submit',
      { schema: { tags, params: ById, body: Submit, response: { 200: Ok } } },
      async (req) => {
        const ctx = userCtx(req);
        await submit(ctx, ctx.actor, req.params.id, req.body.steps);
        return ok;
      },
    );
    app.get(
      '/api/documents/:id/approval',
      { schema: { tags, params: ById, response: { 200: ApprovalView } } },
      async (req) => {
        const ctx = userCtx(req);
        return approvalView(ctx, ctx.actor, req.params.id);
      },
    );
    app.post(
      '/api/documents/:id/approval',
      { schema: { tags, params: ById, body: Act, response: { 200: ActResult } } },
      async (req) => {
        const ctx = userCtx(req);
        const returnTo = req.body.returnTo === 'drafter' ? undefined : req.body.returnTo;
        return { outcome: await act(ctx, config, ctx.actor, req.params.id, { ...req.body, returnTo }) };
      },
    );
    app.put(
      '/api/documents/:id/approval/steps',
      { schema: { tags, params: ById, body: Submit, response: { 200: Ok } } },
      async (req) => {
        const ctx = userCtx(req);
        await editRoute(ctx, ctx.actor, req.params.id, req.body.steps);
        return ok;
      },
    );
    app.post(
      '/api/documents/:id/recall',
      { schema: { tags, params: ById, response: { 200: Ok } } },
      async (req) => {
        const ctx = userCtx(req);
        await recall(ctx, ctx.actor, req.params.id);
        return ok;
      },
    );
    app.post(
      '/api/documents/:id/approval/steps/:stepId/post-review',
      { schema: { tags, params: z.object({ id: z.uuid(), stepId: z.uuid() }), response: { 200: Ok } } },
      async (req) => {
        const ctx = userCtx(req);
        await postReview(ctx, ctx.actor, req.params.id, req.params.stepId);
        return ok;
      },
    );
    app.get(
      '/api/approval-lines',
      { schema: { tags, response: { 200: z.array(SavedLine) } } },
      async (req) => {
        const ctx = userCtx(req);
        return listSavedLines(ctx, ctx.actor);
      },
    );
    app.post(
      '/api/approval-lines',
      { schema: { tags, body: SavedLineCreate, response: { 201: SavedLine } } },
      async (req, reply) => {
        const ctx = userCtx(req);
        return reply.status(201).send(await saveLine(ctx, ctx.actor, req.body));
      },
    );
    app.delete(
      '/api/approval-lines/:id',
      { schema: { tags, params: ById, response: { 200: Ok } } },
      async (req) => {
        const ctx = userCtx(req);
        await deleteSavedLine(ctx, ctx.actor, req.params.id);
        return ok;
      },
    );
  },
};
