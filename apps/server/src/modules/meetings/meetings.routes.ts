import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  AttendanceEntry,
  MeetingListQuery,
  VideoMeeting,
  VideoMeetingDetail,
  VideoMeetingInput,
  VideoMeetingUpdate,
  VideoStatus,
} from '@civicdesk/contracts/meetings';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { selectRows } from '../../platform/db/db.ts';
import { notFound } from '../../platform/http/errors.ts';
import { type App, userCtx } from '../../platform/http/types.ts';
import type { Gateway } from '../../platform/janus/gateway.ts';
import { recordingPath } from './live/recorder.ts';
import { meetingAccess } from './meetings.access.ts';
import {
  attendance,
  cancelMeeting,
  createMeeting,
  getMeeting,
  listMeetings,
  updateMeeting,
} from './meetings.service.ts';
import { openCommitteeVideo } from './use-cases/committee-video.ts';

const tags = ['meetings'];
const ById = z.object({ id: z.uuid() });

export function meetingsRoutes(app: App, gateway: Gateway, dataDir: string) {
  app.get('/api/video/status', { schema: { tags, response: { 200: VideoStatus } } }, async (req) => {
    userCtx(req);
    return gateway.status();
  });
  app.get(
    '/api/video-meetings',
    { schema: { tags, querystring: MeetingListQuery, response: { 200: z.array(VideoMeeting) } } },
    async (req) => {
      const ctx = userCtx(req);
      return listMeetings(ctx, ctx.actor, req.query.when);
    },
  );
  app.post(
    '/api/video-meetings',
    { schema: { tags, body: VideoMeetingInput, response: { 201: VideoMeetingDetail } } },
    async (req, reply) => {
      const ctx = userCtx(req);
      return reply.status(201).send(await createMeeting(ctx, ctx.actor, req.body));
    },
  );
  app.get(
    '/api/video-meetings/:id',
    { schema: { tags, params: ById, response: { 200: VideoMeetingDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return getMeeting(ctx, ctx.actor, req.params.id);
    },
  );
  app.patch(
    '/api/video-meetings/:id',
    { schema: { tags, params: ById, body: VideoMeetingUpdate, response: { 200: VideoMeetingDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return updateMeeting(ctx, ctx.actor, req.params.id, req.body);
    },
  );
  app.post(
    '/api/video-meetings/:id/cancel',
    { schema: { tags, params: ById, response: { 200: VideoMeetingDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return cancelMeeting(ctx, ctx.actor, req.params.id);
    },
  );
  app.get(
    '/api/video-meetings/:id/attendance',
    { schema: { tags, params: ById, response: { 200: z.array(AttendanceEntry) } } },
    async (req) => {
      const ctx = userCtx(req);
      return attendance(ctx, ctx.actor, req.params.id);
    },
  );
  app.post(
    '/api/committee-meetings/:id/video',
    { schema: { tags, params: ById, response: { 200: VideoMeetingDetail } } },
    async (req) => {
      const ctx = userCtx(req);
      return openCommitteeVideo(ctx, ctx.actor, req.params.id);
    },
  );
  recordingFileRoute(app, dataDir);
}

/** The recording as a WebM, seekable (HTTP ranges), to those invited and the agency's administrators. */
function recordingFileRoute(app: App, dataDir: string) {
  app.get(
    '/api/video-meetings/:id/recordings/:recordingId/file',
    { schema: { tags, params: z.object({ id: z.uuid(), recordingId: z.uuid() }) } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const access = await meetingAccess(ctx, ctx.actor, req.params.id);
      if (!access.invited && !access.admin) throw notFound();
      const [row] = await selectRows<{ id: string }>(
        ctx.db,
        sql`select id from video_meeting_recordings where id = ${req.params.recordingId}
            and meeting_id = ${req.params.id} and status = 'ready'`,
      );
      if (!row) throw notFound();
      const file = recordingPath(dataDir, req.params.id, row.id);
      const size = (await stat(file).catch(() => null))?.size;
      if (!size) throw notFound();
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      reply
        .header('accept-ranges', 'bytes')
        .header('content-type', 'video/webm')
        .header('cache-control', 'private');
      if (!range || (!range[1] && !range[2]))
        return reply.header('content-length', size).send(createReadStream(file));
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end)
        return reply.status(416).header('content-range', `bytes */${size}`).send();
      return reply
        .status(206)
        .header('content-range', `bytes ${start}-${end}/${size}`)
        .header('content-length', end - start + 1)
        .send(createReadStream(file, { start, end }));
    },
  );
}
