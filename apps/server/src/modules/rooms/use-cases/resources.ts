import type { Resource, ResourceInput, ResourceUpdate } from '@civicdesk/contracts/rooms';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { managedAgencyIds, visibleAgencyIds } from '../rooms.policy.ts';
import { agencyIn, selectResources } from '../rooms.queries.ts';
import { bookableResources } from '../rooms.tables.ts';

// Video-conference rooms and smart-work seats of an agency. Everyone with a post sees the active ones; the
// agency's administrators (and those of its parents) add, edit and deactivate them.

export async function listResources(
  ctx: Ctx,
  actor: Actor,
  opts: { agencyId?: string; includeInactive?: boolean },
): Promise<Resource[]> {
  const agency = opts.agencyId ? sql`r.agency_id = ${opts.agencyId}` : sql`true`;
  const active = opts.includeInactive
    ? sql`(r.active or r.agency_id in (${managedAgencyIds(actor)}))`
    : sql`r.active`;
  return selectResources(ctx.db, actor, sql`${agency} and ${active}`);
}

/** One resource the actor sees (inactive ones too: old bookings still name them); 404 otherwise. */
export async function getResource(ctx: Ctx, actor: Actor, id: string): Promise<Resource> {
  const [row] = await selectResources(ctx.db, actor, sql`r.id = ${id}`);
  if (!row) throw notFound();
  return row;
}

export async function createResource(
  ctx: Ctx,
  actor: Actor,
  input: z.output<typeof ResourceInput>,
): Promise<Resource> {
  if (!(await agencyIn(ctx.db, input.agencyId, managedAgencyIds(actor)))) {
    // Someone who sees the agency is told they may not; anyone else learns nothing about it.
    if (await agencyIn(ctx.db, input.agencyId, visibleAgencyIds(actor))) throw forbidden();
    throw notFound();
  }
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(bookableResources)
      .values({ ...input, createdAt: tx.now })
      .returning();
    await recordAudit(tx, {
      action: 'rooms.resource_created',
      entityType: 'bookable_resource',
      entityId: row!.id,
      agencyId: input.agencyId,
      after: row,
    });
    return row!.id;
  });
  return getResource(ctx, actor, id);
}

export async function updateResource(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: ResourceUpdate,
): Promise<Resource> {
  const current = await getResource(ctx, actor, id);
  if (!current.canManage) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(bookableResources)
      .where(eq(bookableResources.id, id))
      .for('update');
    const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length === 0) return;
    const [after] = await tx.db
      .update(bookableResources)
      .set(set)
      .where(eq(bookableResources.id, id))
      .returning();
    const deactivated = before!.active && after!.active === false;
    await recordAudit(tx, {
      action: deactivated ? 'rooms.resource_deactivated' : 'rooms.resource_updated',
      entityType: 'bookable_resource',
      entityId: id,
      agencyId: before!.agencyId,
      before,
      after,
    });
  });
  return getResource(ctx, actor, id);
}
