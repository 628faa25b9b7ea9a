import type { PersonCreate, PersonUpdate, PostInput } from '@civicdesk/contracts/org';
import type { z } from 'zod';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { addPost, canAdminUser, postsOfUsers, userIdsOfAgency } from '../../org/org.service.ts';
import * as q from '../identity.queries.ts';
import { createUser } from '../identity.service.ts';

// The directory of an agency and its administration: accounts with their posts.

/** People holding (or having held) a post in the agency, with only their posts in that agency. */
export async function listPeople(ctx: Ctx, actor: Actor, agencyId: string) {
  const ids = await userIdsOfAgency(ctx, actor, agencyId);
  const [people, posts] = await Promise.all([q.listUsersByIds(ctx.db, ids), postsOfUsers(ctx, ids)]);
  return people.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    kind: u.kind,
    active: u.active,
    totpEnabled: u.totpEnabled,
    posts: posts.filter((p) => p.userId === u.id && p.agencyId === agencyId),
  }));
}

export async function personById(ctx: Ctx, actor: Actor, agencyId: string, userId: string) {
  const person = (await listPeople(ctx, actor, agencyId)).find((p) => p.id === userId);
  if (!person) throw notFound();
  return person;
}

export async function createPerson(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  input: z.infer<typeof PersonCreate>,
) {
  const user = await inTransaction(ctx, async (tx) => {
    const created = await createUser(tx, { ...input, email: input.email ?? null }, agencyId);
    await addPost(tx, actor, { ...input.post, userId: created.id, agencyId });
    return created;
  });
  return personById(ctx, actor, agencyId, user.id);
}

export async function updatePerson(
  ctx: Ctx,
  actor: Actor,
  userId: string,
  input: z.infer<typeof PersonUpdate>,
) {
  return inTransaction(ctx, async (tx) => {
    const before = await q.findUserById(tx.db, userId);
    if (!before) throw notFound();
    if (!(await canAdminUser(tx, actor, userId))) throw forbidden();
    const after = await q.updateUser(tx.db, userId, input);
    // A deactivated account loses every session at once.
    if (input.active === false) await q.revokeSessions(tx.db, userId, tx.now);
    const pick = (u: q.User) => ({ displayName: u.displayName, email: u.email, active: u.active });
    await recordAudit(tx, {
      action: 'identity.user.updated',
      entityType: 'user',
      entityId: userId,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}

export async function addPostToPerson(
  ctx: Ctx,
  actor: Actor,
  userId: string,
  input: z.infer<typeof PostInput> & { agencyId: string },
) {
  return inTransaction(ctx, async (tx) => {
    if (!(await q.findUserById(tx.db, userId))) throw notFound();
    return addPost(tx, actor, { ...input, userId });
  });
}
