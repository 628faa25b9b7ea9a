import { randomBytes } from 'node:crypto';
import type { CitizenRegister } from '@civicdesk/contracts/services';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../../../config.ts';
import { sha256Hex } from '../../../platform/canonical.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { createUser } from '../../identity/identity.service.ts';
import { users } from '../../identity/identity.tables.ts';
import { citizenProfiles } from '../services.tables.ts';

// Citizens register themselves and prove their e-mail address with a one-time link (only its SHA-256 is kept).
// Without SMTP the link is handed back in the response, but never in production: there an unverifiable
// address must not open an account.

const linkHours = 48;

export async function registerCitizen(
  ctx: Ctx,
  config: Config,
  mailer: Mailer | null,
  input: z.infer<typeof CitizenRegister>,
) {
  const token = randomBytes(32).toString('base64url');
  const link = `${config.publicUrl.replace(/\/$/, '')}/portal/verify-email/${token}`;
  await inTransaction(ctx, async (tx) => {
    const user = await createUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      kind: 'citizen',
      locale: input.locale,
      password: input.password,
    });
    await tx.db.insert(citizenProfiles).values({
      userId: user.id,
      identifier: input.identifier ?? null,
      verifyTokenHash: sha256Hex(token),
      verifyTokenExpiresAt: new Date(tx.now.getTime() + linkHours * 3600_000),
    });
  });
  if (mailer) {
    const params = { name: input.displayName, link, hours: linkHours };
    await mailer
      .send({
        to: input.email,
        subject: translate(input.locale, 'mail.portal_verify.subject', params),
        text: translate(input.locale, 'mail.portal_verify.body', params),
      })
      .catch((err) => ctx.log.warn({ err }, 'services: verification e-mail failed'));
  }
  const showLink = !mailer && config.env !== 'production';
  return { ok: true as const, verifyLink: showLink ? link : null };
}

export async function verifyEmail(ctx: Ctx, token: string) {
  const [profile] = await ctx.db
    .select()
    .from(citizenProfiles)
    .where(eq(citizenProfiles.verifyTokenHash, sha256Hex(token)));
  if (!profile) throw new AppError('not_found', 'services.verify_link_unknown');
  if (profile.verifyTokenExpiresAt && profile.verifyTokenExpiresAt < ctx.now)
    throw new AppError('gone', 'services.verify_link_expired');
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(citizenProfiles)
      .set({ emailVerifiedAt: tx.now, verifyTokenHash: null, verifyTokenExpiresAt: null })
      .where(eq(citizenProfiles.userId, profile.userId));
    await recordAudit(tx, {
      action: 'services.citizen.email_verified',
      entityType: 'user',
      entityId: profile.userId,
    });
  });
  return { ok: true as const };
}

export function assertCitizen(actor: Actor) {
  if (actor.kind !== 'citizen') throw new AppError('forbidden', 'services.citizens_only');
}

export async function citizenProfile(ctx: Ctx, actor: Actor) {
  assertCitizen(actor);
  const [row] = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      emailVerifiedAt: citizenProfiles.emailVerifiedAt,
      identifier: citizenProfiles.identifier,
    })
    .from(users)
    .leftJoin(citizenProfiles, eq(citizenProfiles.userId, users.id))
    .where(eq(users.id, actor.userId));
  const { emailVerifiedAt, ...rest } = row!;
  return { ...rest, identifier: rest.identifier ?? null, emailVerified: emailVerifiedAt !== null };
}

export async function setIdentifier(ctx: Ctx, actor: Actor, identifier: string) {
  assertCitizen(actor);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insert(citizenProfiles)
      .values({ userId: actor.userId, identifier })
      .onConflictDoUpdate({ target: citizenProfiles.userId, set: { identifier } });
    await recordAudit(tx, {
      action: 'services.citizen.identifier_set',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
  return citizenProfile(ctx, actor);
}
