import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { AppError, forbidden } from '../../../platform/http/errors.ts';
import { committeeMeetingAccess } from '../../committees/use-cases/meetings.ts';
import { createMeeting, getMeeting } from '../meetings.service.ts';

// The video room of an online committee meeting: the first to open it (the secretary or the chair) creates it
// and hosts it; the committee's members are invited through the committee itself (meetings.access.ts).

export async function openCommitteeVideo(ctx: Ctx, actor: Actor, committeeMeetingId: string) {
  const access = await committeeMeetingAccess(ctx, actor, committeeMeetingId);
  const [existing] = await selectRows<{ id: string }>(
    ctx.db,
    sql`select id from video_meetings where committee_meeting_id = ${committeeMeetingId}`,
  );
  if (existing) return getMeeting(ctx, actor, existing.id);
  const [cm] = await selectRows<{ title: string; mode: string; starts_at: Date | string; status: string }>(
    ctx.db,
    sql`select title, mode, starts_at, status from meetings where id = ${committeeMeetingId}`,
  );
  if (cm!.mode !== 'online') throw new AppError('conflict', 'meetings.committee_not_online');
  if (cm!.status === 'closed') throw new AppError('conflict', 'meetings.already_over');
  if (!access.manage && access.role !== 'chair') throw forbidden();
  const startsAt = new Date(cm!.starts_at);
  const endsAt = new Date(Math.max(startsAt.getTime(), ctx.now.getTime()) + 4 * 3600_000);
  return createMeeting(
    ctx,
    actor,
    {
      agencyId: access.agencyId,
      title: cm!.title,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      lobby: true,
      invitees: [],
    },
    { committeeMeetingId },
  );
}
