import type { ConsentInput, RegistryLookup } from '@civicdesk/contracts/services';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { assertStaff } from '../services.access.ts';
import { registryConsents, registryLookups } from '../services.tables.ts';
import { citizenProfile } from './portal-accounts.ts';

// Once-only principle (Decree 47/2020 on data sharing; 전자정부법 §36 행정정보 공동이용): an agency handling a
// case reads a citizen's licences and qualifications from the registry instead of asking for paper — but only
// with the holder's consent to that agency, recorded first. Every lookup, refused ones included, is kept and
// shown to the holder.

type EntryRow = {
  id: string;
  kind: string;
  number: string;
  agency_name: string;
  valid_from: string;
  valid_until: string | null;
  verify_code: string | null;
};

async function entriesOf(ctx: Ctx, identifiers: string[]) {
  if (identifiers.length === 0) return [];
  const rows = await selectRows<EntryRow>(
    ctx.db,
    sql`select e.id, e.kind, e.number, a.name as agency_name, e.valid_from, e.valid_until, d.verify_code
          from registry_entries e join agencies a on a.id = e.agency_id
          left join documents d on d.id = e.document_id
         where e.holder_identifier in ${identifiers} order by e.created_at desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    agencyName: r.agency_name,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    verifyCode: r.verify_code,
  }));
}

export async function lookup(ctx: Ctx, actor: Actor, input: z.infer<typeof RegistryLookup>) {
  await assertStaff(ctx, actor, input.agencyId);
  const identifier = input.identifier.trim();
  const [consent] = await ctx.db
    .select()
    .from(registryConsents)
    .where(
      and(
        eq(registryConsents.holderIdentifier, identifier),
        eq(registryConsents.agencyId, input.agencyId),
        isNull(registryConsents.revokedAt),
      ),
    )
    .limit(1);
  const entries = consent ? await entriesOf(ctx, [identifier]) : [];
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(registryLookups).values({
      holderIdentifier: identifier,
      agencyId: input.agencyId,
      userId: actor.userId,
      consentId: consent?.id ?? null,
      purpose: input.purpose,
      allowed: Boolean(consent),
      resultCount: entries.length,
      createdAt: tx.now,
    });
    await recordAudit(tx, {
      action: consent ? 'services.registry.lookup' : 'services.registry.lookup_refused',
      entityType: 'registry_holder',
      entityId: null,
      agencyId: input.agencyId,
      detail: { identifier, purpose: input.purpose, consent: consent?.id ?? null, results: entries.length },
    });
  });
  if (!consent) throw new AppError('forbidden', 'services.no_consent');
  return entries;
}

async function myIdentifiers(ctx: Ctx, actor: Actor) {
  const profile = await citizenProfile(ctx, actor);
  const rows = await selectRows<{ holder_identifier: string }>(
    ctx.db,
    sql`select distinct holder_identifier from registry_entries where citizen_id = ${actor.userId}
        union select distinct holder_identifier from service_submissions
               where citizen_id = ${actor.userId} and holder_identifier is not null`,
  );
  const ids = new Set(rows.map((r) => r.holder_identifier));
  if (profile.identifier) ids.add(profile.identifier);
  return { profile, ids: [...ids] };
}

export async function myRecords(ctx: Ctx, actor: Actor) {
  return entriesOf(ctx, (await myIdentifiers(ctx, actor)).ids);
}

export async function accessLog(ctx: Ctx, actor: Actor) {
  const { ids } = await myIdentifiers(ctx, actor);
  if (ids.length === 0) return [];
  const rows = await selectRows<{
    agency_name: string;
    user_name: string;
    purpose: string;
    allowed: boolean;
    result_count: number;
    created_at: string | Date;
  }>(
    ctx.db,
    sql`select a.name as agency_name, u.display_name as user_name, l.purpose, l.allowed, l.result_count, l.created_at
          from registry_lookups l join agencies a on a.id = l.agency_id join users u on u.id = l.user_id
         where l.holder_identifier in ${ids} order by l.created_at desc limit 200`,
  );
  return rows.map((r) => ({
    agencyName: r.agency_name,
    userName: r.user_name,
    purpose: r.purpose,
    allowed: r.allowed,
    resultCount: r.result_count,
    at: new Date(r.created_at).toISOString(),
  }));
}

export async function listConsents(ctx: Ctx, actor: Actor) {
  const { ids } = await myIdentifiers(ctx, actor);
  if (ids.length === 0) return [];
  const rows = await selectRows<{
    id: string;
    agency_name: string;
    purpose: string;
    created_at: string | Date;
    revoked_at: string | Date | null;
  }>(
    ctx.db,
    sql`select c.id, a.name as agency_name, c.purpose, c.created_at, c.revoked_at
          from registry_consents c join agencies a on a.id = c.agency_id
         where c.holder_identifier in ${ids} order by c.created_at desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    agencyName: r.agency_name,
    purpose: r.purpose,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}

export async function grantConsent(ctx: Ctx, actor: Actor, input: z.infer<typeof ConsentInput>) {
  const { profile } = await myIdentifiers(ctx, actor);
  if (!profile.identifier) throw new AppError('bad_request', 'services.consent_needs_identifier');
  const [agency] = await selectRows(ctx.db, sql`select 1 as ok from agencies where id = ${input.agencyId}`);
  if (!agency) throw notFound();
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(registryConsents)
      .values({
        holderIdentifier: profile.identifier!,
        citizenId: actor.userId,
        agencyId: input.agencyId,
        purpose: input.purpose,
        createdAt: tx.now,
      })
      .returning();
    await recordAudit(tx, {
      action: 'services.registry.consent_granted',
      entityType: 'registry_consent',
      entityId: row!.id,
      agencyId: input.agencyId,
      detail: { purpose: input.purpose },
    });
  });
  return listConsents(ctx, actor);
}

export async function revokeConsent(ctx: Ctx, actor: Actor, id: string) {
  const { ids } = await myIdentifiers(ctx, actor);
  const [row] = await ctx.db.select().from(registryConsents).where(eq(registryConsents.id, id));
  if (!row || !ids.includes(row.holderIdentifier)) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(registryConsents).set({ revokedAt: tx.now }).where(eq(registryConsents.id, id));
    await recordAudit(tx, {
      action: 'services.registry.consent_revoked',
      entityType: 'registry_consent',
      entityId: id,
      agencyId: row.agencyId,
    });
  });
  return listConsents(ctx, actor);
}
