import {
  AgendaItem,
  CheckIn,
  Committee,
  CommitteeDetail,
  CommitteeInput,
  CommitteeUpdate,
  Conflict,
  Invitation,
  InvitationAccept,
  InvitationAccepted,
  InvitationInfo,
  InvitationSent,
  ItemInput,
  ItemUpdate,
  Material,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingUpdate,
  Member,
  MemberInput,
  MemberUpdate,
  PledgeText,
  Rsvp,
} from '@civicdesk/contracts/committees';
import { Ok } from '@civicdesk/contracts/common';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type App, requestCtx, userCtx } from '../../platform/http/types.ts';
import { createMailer } from '../../platform/mail.ts';
import { setSessionCookie } from '../identity/use-cases/sessions.ts';
import { addItem, addMaterial, deleteItem, materialFile, updateItem } from './use-cases/agenda.ts';
import { checkIn, rsvp } from './use-cases/attendance.ts';
import { createCommittee, getCommittee, listCommittees, updateCommittee } from './use-cases/committees.ts';
import { declareConflict, withdrawConflict } from './use-cases/conflicts.ts';
import { acceptInvitation, invitationInfo, invite } from './use-cases/invitations.ts';
import { buildMeetingDetail } from './use-cases/meeting-view.ts';
import {
  closeMeeting,
  createMeeting,
  listMeetings,
  noticeMeeting,
  openMeeting,
  updateMeeting,
} from './use-cases/meetings.ts';
import { addMember, updateMember } from './use-cases/members.ts';
import { getPledge, signPledge } from './use-cases/pledge.ts';

const tags = ['committees'];
const ById = z.object({ id: z.uuid() });
const ByMember = z.object({ id: z.uuid(), memberId: z.uuid() });
const ByItem = z.object({ id: z.uuid(), itemId: z.uuid() });
type UserCtx = ReturnType<typeof userCtx>;

export function committeeRoutes(app: App, config: Config) {
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  committeeSetupRoutes(app, config, mailer);
  meetingRoutes(app, config, mailer);
}

function committeeSetupRoutes(app: App, config: Config, mailer: ReturnType<typeof createMailer>) {
  app.get(
    '/api/committees',
    {
      schema: {
        tags,
        querystring: z.object({ agencyId: z.uuid().optional() }),
        response: { 200: z.array(Committee) },
      },
    },
    async (req) => {
      const ctx = userCtx(req);
      return listCommittees(ctx, ctx.actor, req.query.agencyId);
    },
  );
  app.post(
    '/api/committees',
    { schema: { tags, body: CommitteeInput, response: { 201: CommitteeDetail } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const id = await createCommittee(ctx, ctx.actor, req.body);
      return reply.status(201).send(await getCommittee(ctx, ctx.actor, id));
    },
  );
  app.get(
    '/api/committees/:id',
    { schema: { tags, params: ById, response: { 200: CommitteeDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return getCommittee(ctx, ctx.actor, req.params.id);
    },
  );
  app.patch(
    '/api/committees/:id',
    { schema: { tags, params: ById, body: CommitteeUpdate, response: { 200: CommitteeDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      await updateCommittee(ctx, ctx.actor, req.params.id, req.body);
      return getCommittee(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/committees/:id/members',
    { schema: { tags, params: ById, body: MemberInput, response: { 201: Member } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await addMember(ctx, ctx.actor, req.params.id, req.body));
    },
  );
  app.patch(
    '/api/committees/:id/members/:memberId',
    { schema: { tags, params: ByMember, body: MemberUpdate, response: { 200: Member } } },
    async (req) => {
      const ctx = userCtx(req);
      return updateMember(ctx, ctx.actor, req.params.id, req.params.memberId, req.body);
    },
  );
  app.post(
    '/api/committees/:id/invitations',
    { schema: { tags, params: ById, body: Invitation, response: { 201: InvitationSent } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await invite(ctx, config, mailer, ctx.actor, req.params.id, req.body));
    },
  );
  // Public: the one-time link itself is the credential (rate-limited like sign-in).
  const limit = { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } };
  const ByToken = z.object({ token: z.string().min(1).max(100) });
  app.get(
    '/api/invitations/:token',
    { config: limit, schema: { tags, params: ByToken, response: { 200: InvitationInfo } } },
    async (req) => invitationInfo(requestCtx(req), req.params.token),
  );
  app.post(
    '/api/invitations/:token/accept',
    {
      config: limit,
      schema: { tags, params: ByToken, body: InvitationAccept, response: { 200: InvitationAccepted } },
    },
    async (req, reply) => {
      const token = await acceptInvitation(
        requestCtx(req),
        config,
        req.params.token,
        req.body,
        req.headers['user-agent'],
      );
      setSessionCookie(reply, config, token);
      return { stage: 'enroll' as const };
    },
  );
  app.get('/api/me/pledge', { schema: { tags: ['me'], response: { 200: PledgeText } } }, async (req) => {
    const ctx = userCtx(req);
    return getPledge(ctx, ctx.actor);
  });
  app.post('/api/me/pledge', { schema: { tags: ['me'], response: { 200: PledgeText } } }, async (req) => {
    const ctx = userCtx(req);
    return signPledge(ctx, ctx.actor);
  });
}

function meetingRoutes(app: App, config: Config, mailer: ReturnType<typeof createMailer>) {
  app.get(
    '/api/committees/:id/meetings',
    { schema: { tags, params: ById, response: { 200: z.array(Meeting) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listMeetings(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/committees/:id/meetings',
    { schema: { tags, params: ById, body: MeetingInput, response: { 201: MeetingDetail } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const id = await createMeeting(ctx, config, ctx.actor, req.params.id, req.body);
      return reply.status(201).send(await buildMeetingDetail(ctx, ctx.actor, id));
    },
  );
  app.get(
    '/api/meetings/:id',
    { schema: { tags, params: ById, response: { 200: MeetingDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return buildMeetingDetail(ctx, ctx.actor, req.params.id);
    },
  );
  app.patch(
    '/api/meetings/:id',
    { schema: { tags, params: ById, body: MeetingUpdate, response: { 200: MeetingDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      await updateMeeting(ctx, config, ctx.actor, req.params.id, req.body);
      return buildMeetingDetail(ctx, ctx.actor, req.params.id);
    },
  );
  // Every step on a meeting answers with the meeting as the actor now sees it.
  const step = <S extends z.ZodType>(
    path: string,
    body: S | null,
    run: (ctx: UserCtx, id: string, input: z.infer<S>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/meetings/:id/${path}`,
      { schema: { tags, params: ById, ...(body ? { body } : {}), response: { 200: MeetingDetail } } },
      async (req) => {
        const ctx = userCtx(req);
        await run(ctx, req.params.id, req.body as z.infer<S>);
        return buildMeetingDetail(ctx, ctx.actor, req.params.id);
      },
    );
  step('notice', null, (ctx, id) => noticeMeeting(ctx, config, mailer, ctx.actor, id));
  step('open', null, (ctx, id) => openMeeting(ctx, ctx.actor, id));
  step('close', null, (ctx, id) => closeMeeting(ctx, ctx.actor, id));
  step('rsvp', Rsvp, (ctx, id, b) => rsvp(ctx, ctx.actor, id, b));
  step('check-in', CheckIn, (ctx, id, b) => checkIn(ctx, ctx.actor, id, b));
  agendaRoutes(app, config);
}

function agendaRoutes(app: App, config: Config) {
  const itemOf = async (ctx: UserCtx, meetingId: string, itemId: string) =>
    (await buildMeetingDetail(ctx, ctx.actor, meetingId)).items.find((i) => i.id === itemId)!;
  app.post(
    '/api/meetings/:id/items',
    { schema: { tags, params: ById, body: ItemInput, response: { 201: AgendaItem } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const itemId = await addItem(ctx, ctx.actor, req.params.id, req.body);
      return reply.status(201).send(await itemOf(ctx, req.params.id, itemId));
    },
  );
  app.patch(
    '/api/meetings/:id/items/:itemId',
    { schema: { tags, params: ByItem, body: ItemUpdate, response: { 200: AgendaItem } } },
    async (req) => {
      const ctx = userCtx(req);
      await updateItem(ctx, ctx.actor, req.params.id, req.params.itemId, req.body);
      return itemOf(ctx, req.params.id, req.params.itemId);
    },
  );
  app.delete(
    '/api/meetings/:id/items/:itemId',
    { schema: { tags, params: ByItem, response: { 200: Ok } } },
    async (req) => {
      const ctx = userCtx(req);
      await deleteItem(ctx, ctx.actor, req.params.id, req.params.itemId);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/meetings/:id/items/:itemId/materials',
    { schema: { tags, params: ByItem, consumes: ['multipart/form-data'], response: { 201: Material } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const file = await req.file({ limits: { fileSize: config.maxUploadBytes, files: 1 } });
      if (!file) throw new AppError('bad_request', 'committees.no_file');
      const input = { name: file.filename, bytes: await file.toBuffer() };
      return reply
        .status(201)
        .send(await addMaterial(ctx, config, ctx.actor, req.params.id, req.params.itemId, input));
    },
  );
  app.get('/api/materials/:id', { schema: { tags, params: ById } }, async (req, reply) => {
    const ctx = userCtx(req);
    const f = await materialFile(ctx, config, ctx.actor, req.params.id);
    // View-only: always inline; watermarked copies must not be cached anywhere on the way.
    return reply
      .type(f.mime)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(f.bytes);
  });
  const conflict = { tags, params: ByItem, response: { 200: MeetingDetail } };
  app.post(
    '/api/meetings/:id/items/:itemId/conflict',
    { schema: { ...conflict, body: Conflict } },
    async (req) => {
      const ctx = userCtx(req);
      await declareConflict(ctx, ctx.actor, req.params.id, req.params.itemId, req.body.reason);
      return buildMeetingDetail(ctx, ctx.actor, req.params.id);
    },
  );
  app.delete('/api/meetings/:id/items/:itemId/conflict', { schema: conflict }, async (req) => {
    const ctx = userCtx(req);
    await withdrawConflict(ctx, ctx.actor, req.params.id, req.params.itemId);
    return buildMeetingDetail(ctx, ctx.actor, req.params.id);
  });
}
