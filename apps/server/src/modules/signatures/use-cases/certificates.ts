import type { KeyObject } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import { type Actor, type Ctx, inTransaction } from '../../../platform/http/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import { sealPrivateKey } from '../../../platform/pki/keys.ts';
import { describeCertificate, issueCertificate } from '../../../platform/pki/x509.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { adminAgencyIds, assertAdmin } from '../../org/org.service.ts';
import { certificates } from '../signatures.tables.ts';
import { agencyAuthority, newSigningKey } from './authority.ts';

// Certificates of officials and agency seals: issued by the platform CA, imported from a national CA's
// PKCS#12 file, or bound to a key on a PKCS#11 token. A revoked certificate never signs again.

export type Holder =
  | { kind: 'person'; agencyId: string; userId: string }
  | { kind: 'seal'; agencyId: string };
export type CertificateRow = typeof certificates.$inferSelect;

const holderWhere = (h: Holder) =>
  and(
    eq(certificates.agencyId, h.agencyId),
    eq(certificates.kind, h.kind),
    h.kind === 'person' ? eq(certificates.userId, h.userId) : sql`${certificates.userId} is null`,
  );

/** The certificate the holder signs with now: the newest unrevoked, unexpired one. */
export async function activeCertificate(ctx: Ctx, h: Holder): Promise<CertificateRow | undefined> {
  const rows = await ctx.db
    .select()
    .from(certificates)
    .where(
      and(
        holderWhere(h),
        sql`${certificates.revokedAt} is null`,
        sql`${certificates.notAfter} > ${ctx.now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`${certificates.createdAt} desc`)
    .limit(1);
  return rows[0];
}

async function holderSubject(ctx: Ctx, h: Holder) {
  const [row] = await selectRows<{
    agency: string;
    country: string;
    person: string | null;
    email: string | null;
    title: string | null;
  }>(
    ctx.db,
    h.kind === 'person'
      ? sql`select a.name as agency, a.country, u.display_name as person, u.email,
              (select pos.name from posts p join positions pos on pos.id = p.position_id
                where p.user_id = u.id and p.agency_id = a.id and p.active order by pos.rank limit 1) as title
            from agencies a, users u where a.id = ${h.agencyId} and u.id = ${h.userId}`
      : sql`select a.name as agency, a.country, null as person, null as email, null as title from agencies a where a.id = ${h.agencyId}`,
  );
  if (!row) throw notFound();
  return {
    commonName: row.person ?? row.agency,
    organisation: row.agency,
    title: row.title ?? undefined,
    email: row.email ?? undefined,
    country: row.country.toUpperCase(),
  };
}

type NewCertificate = {
  certificate: Buffer;
  chain: Buffer[];
  source: CertificateRow['source'];
  key?: KeyObject;
  pkcs11?: CertificateRow['pkcs11'];
};

export async function saveCertificate(ctx: Ctx, config: Config, h: Holder, c: NewCertificate) {
  const info = describeCertificate(c.certificate);
  const [row] = await ctx.db
    .insert(certificates)
    .values({
      agencyId: h.agencyId,
      userId: h.kind === 'person' ? h.userId : null,
      kind: h.kind,
      source: c.source,
      certificate: c.certificate,
      chain: c.chain.map((d) => d.toString('base64')),
      sealedKey: c.key ? sealPrivateKey(config.secret, c.key) : null,
      pkcs11: c.pkcs11 ?? null,
      subject: info.subject.commonName ?? '',
      issuer: info.issuerCommonName ?? '',
      serialHex: info.serialHex,
      fingerprint: info.fingerprintSha256,
      notBefore: new Date(info.notBefore),
      notAfter: new Date(info.notAfter),
      createdAt: ctx.now,
      createdBy: ctx.actor?.userId ?? null,
    })
    .onConflictDoNothing({ target: certificates.fingerprint })
    .returning();
  if (!row) throw new AppError('conflict', 'signatures.certificate_exists');
  await recordAudit(ctx, {
    action: 'signatures.certificate.added',
    entityType: 'certificate',
    entityId: row.id,
    agencyId: h.agencyId,
    after: { kind: h.kind, source: c.source, serial: info.serialHex, subject: row.subject, user: row.userId },
  });
  return row;
}

/** A new key pair and a certificate for it from the agency's issuing CA (two years for people, five for seals). */
export async function issueFromPlatform(ctx: Ctx, config: Config, h: Holder) {
  const ca = await agencyAuthority(ctx, config, h.agencyId);
  const { privateKey, publicKey } = await newSigningKey();
  const certificate = await issueCertificate(ca, {
    kind: h.kind,
    subject: await holderSubject(ctx, h),
    publicKey,
    days: h.kind === 'person' ? 730 : 1826,
  });
  return saveCertificate(ctx, config, h, {
    certificate,
    chain: ca.chain,
    source: 'platform',
    key: privateKey,
  });
}

/**
 * The certificate to sign with. Someone who never had one gets one from the platform CA on first signing (the
 * deployment works out of the box); someone whose certificate was revoked must be given a new one by an admin.
 */
export async function certificateForSigning(ctx: Ctx, config: Config, h: Holder) {
  const active = await activeCertificate(ctx, h);
  if (active) return active;
  const [any] = await ctx.db
    .select({ id: certificates.id })
    .from(certificates)
    .where(holderWhere(h))
    .limit(1);
  if (any)
    throw new AppError(
      'conflict',
      h.kind === 'seal' ? 'signatures.no_seal_certificate' : 'signatures.no_certificate',
    );
  return issueFromPlatform(ctx, config, h);
}

export async function listCertificates(ctx: Ctx, actor: Actor, agencyId: string) {
  return selectRows<Record<string, unknown>>(
    ctx.db,
    sql`select c.id, c.kind, c.agency_id, a.name as agency_name, c.user_id, coalesce(u.display_name, a.name) as holder_name,
          c.subject, c.issuer, c.serial_hex, c.fingerprint, c.not_before, c.not_after, c.source, c.revoked_at,
          c.revocation_reason, c.created_at
        from certificates c join agencies a on a.id = c.agency_id left join users u on u.id = c.user_id
        where c.agency_id = ${agencyId}
          and (c.agency_id in (${adminAgencyIds(actor)}) or c.user_id = ${actor.userId})
        order by c.created_at desc limit 500`,
  ).then((rows) => rows.map((r) => toCertificate(r, ctx.now)));
}

function toCertificate(r: Record<string, unknown>, now: Date) {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  const notAfter = new Date(r.not_after as string);
  return {
    id: r.id as string,
    kind: r.kind as 'person' | 'seal',
    agencyId: r.agency_id as string,
    agencyName: r.agency_name as string,
    userId: (r.user_id as string) ?? null,
    holderName: r.holder_name as string,
    subject: r.subject as string,
    issuer: r.issuer as string,
    serialHex: r.serial_hex as string,
    fingerprintSha256: r.fingerprint as string,
    notBefore: iso(r.not_before)!,
    notAfter: notAfter.toISOString(),
    source: r.source as 'platform' | 'pkcs12' | 'pkcs11',
    status: r.revoked_at
      ? ('revoked' as const)
      : notAfter <= now
        ? ('expired' as const)
        : ('active' as const),
    revokedAt: iso(r.revoked_at),
    revocationReason: (r.revocation_reason as string) ?? null,
    createdAt: iso(r.created_at)!,
  };
}

/** The person must hold a post in the agency the certificate is for. */
async function assertHolder(ctx: Ctx, h: Holder) {
  if (h.kind === 'seal') return;
  const rows = await selectRows(
    ctx.db,
    sql`select 1 from posts where user_id = ${h.userId} and agency_id = ${h.agencyId} and active`,
  );
  if (rows.length === 0) throw new AppError('bad_request', 'signatures.not_in_agency');
}

export async function adminIssue(ctx: Ctx, config: Config, actor: Actor, h: Holder) {
  return inTransaction(ctx, async (tx) => {
    await assertAdmin(tx, actor, h.agencyId);
    await assertHolder(tx, h);
    const row = await issueFromPlatform(tx, config, h);
    return row.id;
  });
}

export async function addExternal(ctx: Ctx, config: Config, actor: Actor, h: Holder, c: NewCertificate) {
  return inTransaction(ctx, async (tx) => {
    await assertAdmin(tx, actor, h.agencyId);
    await assertHolder(tx, h);
    const info = describeCertificate(c.certificate);
    if (new Date(info.notAfter) <= tx.now)
      throw new AppError('bad_request', 'signatures.certificate_expired');
    return (await saveCertificate(tx, config, h, c)).id;
  });
}

export async function revokeCertificate(ctx: Ctx, actor: Actor, id: string, reason: string) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(certificates).where(eq(certificates.id, id)).for('update');
    if (!row) throw notFound();
    await assertAdmin(tx, actor, row.agencyId).catch(() => {
      throw forbidden();
    });
    if (row.revokedAt) throw new AppError('conflict', 'signatures.already_revoked');
    await tx.db
      .update(certificates)
      .set({ revokedAt: tx.now, revocationReason: reason })
      .where(eq(certificates.id, id));
    await recordAudit(tx, {
      action: 'signatures.certificate.revoked',
      entityType: 'certificate',
      entityId: id,
      agencyId: row.agencyId,
      detail: { reason, serial: row.serialHex },
    });
  });
}

/** Revocation status for the verifier, by serial and issuer: only certificates this platform knows. */
export async function revocationOf(ctx: Ctx, serialHex: string) {
  const [row] = await selectRows<{ revoked_at: string; revocation_reason: string | null }>(
    ctx.db,
    sql`select revoked_at, revocation_reason from certificates where serial_hex = ${serialHex} and revoked_at is not null limit 1`,
  );
  return row ? { revokedAt: new Date(row.revoked_at), reason: row.revocation_reason } : null;
}
