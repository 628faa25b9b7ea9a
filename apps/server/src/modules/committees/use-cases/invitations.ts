import { randomBytes } from 'node:crypto';
import type { Invitation, InvitationAccept } from '@civicdesk/contracts/committees';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../../../config.ts';
import { sha256Hex } from '../../../platform/canonical.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { uniqueOr } from '../../../platform/db/unique.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { createUser, hashPassword } from '../../identity/identity.service.ts';
import { users } from '../../identity/identity.tables.ts';
import { openSession } from '../../identity/use-cases/sessions.ts';
import { assertManage } from '../committees.access.ts';
import * as q from '../committees.queries.ts';
import { committeeInvitations } from '../committees.tables.ts';
import { insertMember } from './members.ts';

// Outside experts join by a one-time e-mail link: an inactive external account and its seat are made at once;
// the link (only its SHA-256 is stored) lets them choose a username and password, then they must enrol a
// second factor (the session opens in the 'enroll' stage) and sign the security pledge before seeing anything.

const validDays = 14;

export async function invite(
  ctx: Ctx,
  config: Config,
  mailer: Mailer | null,
  actor: Actor,
  committeeId: string,
  input: z.infer<typeof Invitation>,
) {
  await assertManage(ctx, actor, committeeId);
  const token = randomBytes(32).toString('base64url');
  const link = `${config.publicUrl.replace(/\/$/, '')}/invite/${token}`;
  const expiresAt = new Date(ctx.now.getTime() + validDays * 86_400_000);
  const committee = await inTransaction(ctx, async (tx) => {
    const committee = (await q.findCommittee(tx.db, committeeId, true))!;
    // The account cannot be signed in to until the link is used: a random password nobody knows, inactive.
    const user = await createUser(
      tx,
      {
        username: `invited-${randomBytes(8).toString('hex')}`,
        displayName: input.name,
        email: input.email,
        kind: 'external',
        locale: input.locale,
        password: randomBytes(32).toString('base64url'),
      },
      committee.agencyId,
    );
    await tx.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const member = await insertMember(tx, committee, {
      userId: user.id,
      role: input.role,
      type: 'appointed',
      termStart: input.termStart,
      termEnd: input.termEnd,
      succession: null,
    });
    await tx.db.insert(committeeInvitations).values({
      tokenHash: sha256Hex(token),
      committeeId,
      memberId: member.id,
      userId: user.id,
      expiresAt,
      createdAt: tx.now,
    });
    await recordAudit(tx, {
      action: 'committees.invitation_sent',
      entityType: 'committee',
      entityId: committeeId,
      agencyId: committee.agencyId,
      detail: {
        memberId: member.id,
        userId: user.id,
        email: input.email,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { ...committee, memberId: member.id };
  });
  if (mailer) {
    const params = { name: input.name, committee: committee.name, link, days: validDays };
    await mailer
      .send({
        to: input.email,
        subject: translate(input.locale, 'mail.committee_invitation.subject', params),
        text: translate(input.locale, 'mail.committee_invitation.body', params),
      })
      .catch((err) => ctx.log.warn({ err }, 'committees: invitation e-mail failed'));
  }
  // Returned to the secretary as well, so the invitation works without SMTP (handed over another way).
  return { link, memberId: committee.memberId };
}

type Found = {
  committee_name: string;
  agency_name: string;
  name: string;
  email: string | null;
  user_id: string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
};

async function findInvitation(ctx: Ctx, token: string, lock = false): Promise<Found> {
  if (token.length > 100) throw new AppError('not_found', 'committees.invitation_unknown');
  const [row] = await selectRows<Found>(
    ctx.db,
    sql`select c.name as committee_name, a.name as agency_name, u.display_name as name, u.email, u.id as user_id,
          i.expires_at, i.accepted_at
        from committee_invitations i join committees c on c.id = i.committee_id join agencies a on a.id = c.agency_id
          join users u on u.id = i.user_id
        where i.token_hash = ${sha256Hex(token)} ${lock ? sql`for update of i` : sql``}`,
  );
  if (!row) throw new AppError('not_found', 'committees.invitation_unknown');
  if (row.accepted_at) throw new AppError('gone', 'committees.invitation_used');
  if (new Date(row.expires_at) <= ctx.now) throw new AppError('gone', 'committees.invitation_expired');
  return row;
}

export async function invitationInfo(ctx: Ctx, token: string) {
  const row = await findInvitation(ctx, token);
  return {
    committeeName: row.committee_name,
    agencyName: row.agency_name,
    name: row.name,
    email: row.email ?? '',
    expiresAt: q.iso(row.expires_at)!,
  };
}

/** Sets the credentials, activates the account and opens a session that must enrol a second factor first. */
export async function acceptInvitation(
  ctx: Ctx,
  config: Config,
  token: string,
  input: z.infer<typeof InvitationAccept>,
  userAgent?: string,
) {
  await findInvitation(ctx, token);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const row = await findInvitation(tx, token, true);
    const username = input.username.toLowerCase();
    await uniqueOr(
      () =>
        tx.db
          .update(users)
          .set({ username, passwordHash, active: true, passwordChangedAt: tx.now })
          .where(eq(users.id, row.user_id)),
      'identity.username_taken',
      { username },
    );
    const updated = await tx.db
      .update(committeeInvitations)
      .set({ acceptedAt: tx.now })
      .where(eq(committeeInvitations.tokenHash, sha256Hex(token)))
      .returning();
    const self: Actor = {
      userId: row.user_id,
      username,
      displayName: row.name,
      kind: 'external',
      isPlatformAdmin: false,
      sessionId: null,
    };
    await recordAudit(
      { ...tx, actor: self },
      {
        action: 'committees.invitation_accepted',
        entityType: 'user',
        entityId: row.user_id,
        detail: { committeeId: updated[0]?.committeeId, username },
      },
    );
    const session = await openSession(tx, config, row.user_id, 'enroll', userAgent);
    return session.token;
  });
}
