import { sha256Hex } from '../../../platform/canonical.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { hasPledged } from '../committees.queries.ts';
import { securityPledges } from '../committees.tables.ts';

// The security pledge (보안서약서 / bản cam kết bảo mật): an external member agrees to it, in their language,
// before any meeting or material is shown. The digest of the exact text they saw is kept with the time and IP.

export const pledgeVersion = 'v1';

const pledgeText = (ctx: Ctx) => translate(ctx.locale, `committees.pledge.${pledgeVersion}`);

export async function getPledge(ctx: Ctx, actor: Actor) {
  const at = await hasPledged(ctx.db, actor.userId, pledgeVersion);
  return { text: pledgeText(ctx), version: pledgeVersion, pledgedAt: at?.toISOString() ?? null };
}

export async function signPledge(ctx: Ctx, actor: Actor) {
  const text = pledgeText(ctx);
  await inTransaction(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(securityPledges)
      .values({
        userId: actor.userId,
        version: pledgeVersion,
        textSha256: sha256Hex(text),
        ip: tx.ip || null,
        pledgedAt: tx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      action: 'committees.pledge_signed',
      entityType: 'user',
      entityId: actor.userId,
      detail: { version: pledgeVersion, locale: tx.locale, textSha256: sha256Hex(text) },
    });
  });
  return getPledge(ctx, actor);
}

/** External members see no meeting and no material before they have signed the current pledge. */
export async function assertPledged(ctx: Ctx, actor: Actor) {
  if (actor.kind !== 'external') return;
  if (!(await hasPledged(ctx.db, actor.userId, pledgeVersion)))
    throw new AppError('forbidden', 'committees.pledge_required');
}
