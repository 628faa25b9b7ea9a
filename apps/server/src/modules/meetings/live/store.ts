import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@civicdesk/contracts/meetings';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { users } from '../../identity/identity.tables.ts';
import { meetingAttendance, meetingChat, videoMeetings } from '../meetings.tables.ts';

// What a running meeting writes down: attendance, chat, its status, host hand-over and relay flag, each with its
// audit entry in the same transaction.

export type LiveAudit = {
  action: string;
  detail?: Record<string, unknown>;
  agencyId: string;
  meetingId: string;
};

function audit(tx: Ctx, a: LiveAudit) {
  return recordAudit(tx, {
    action: a.action,
    entityType: 'video_meeting',
    entityId: a.meetingId,
    agencyId: a.agencyId,
    detail: a.detail,
  });
}

export function recordEvent(ctx: Ctx, a: LiveAudit) {
  return inTransaction(ctx, (tx) => audit(tx, a));
}

export async function markJoined(ctx: Ctx, a: LiveAudit): Promise<string> {
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(meetingAttendance)
      .values({ id, meetingId: a.meetingId, userId: ctx.actor!.userId, joinedAt: tx.now });
    await audit(tx, a);
  });
  return id;
}

export async function markLeft(ctx: Ctx, attendanceId: string, a: LiveAudit) {
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(meetingAttendance)
      .set({ leftAt: tx.now })
      .where(and(eq(meetingAttendance.id, attendanceId), isNull(meetingAttendance.leftAt)));
    await audit(tx, a);
  });
}

export async function saveChat(ctx: Ctx, a: LiveAudit, text: string): Promise<ChatMessage> {
  const actor = ctx.actor!;
  const message = {
    id: randomUUID(),
    userId: actor.userId,
    displayName: actor.displayName,
    text,
    at: ctx.now.toISOString(),
  };
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(meetingChat)
      .values({ id: message.id, meetingId: a.meetingId, userId: actor.userId, text, at: tx.now });
    await audit(tx, { ...a, detail: { chars: text.length } });
  });
  return message;
}

export async function chatHistory(ctx: Ctx, meetingId: string): Promise<ChatMessage[]> {
  const rows = await ctx.db
    .select({
      id: meetingChat.id,
      userId: meetingChat.userId,
      displayName: users.displayName,
      text: meetingChat.text,
      at: meetingChat.at,
    })
    .from(meetingChat)
    .innerJoin(users, eq(users.id, meetingChat.userId))
    .where(eq(meetingChat.meetingId, meetingId))
    .orderBy(asc(meetingChat.at))
    .limit(500);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export async function setStatus(ctx: Ctx, a: LiveAudit, status: 'live' | 'ended') {
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(videoMeetings)
      .set(
        status === 'live'
          ? { status, startedAt: tx.now, endedAt: null }
          : { status, endedAt: tx.now, relayOn: false },
      )
      .where(eq(videoMeetings.id, a.meetingId));
    await audit(tx, a);
  });
}

export async function setHost(ctx: Ctx, a: LiveAudit, hostId: string) {
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(videoMeetings).set({ hostId }).where(eq(videoMeetings.id, a.meetingId));
    await audit(tx, { ...a, detail: { hostId } });
  });
}

export async function setRelay(ctx: Ctx, a: LiveAudit, on: boolean) {
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(videoMeetings).set({ relayOn: on }).where(eq(videoMeetings.id, a.meetingId));
    await audit(tx, a);
  });
}
