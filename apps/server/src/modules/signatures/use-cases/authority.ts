import type { KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { generateSigningKey, sealPrivateKey, unsealPrivateKey } from '../../../platform/pki/keys.ts';
import { createIssuingCa, createRootCa, describeCertificate } from '../../../platform/pki/x509.ts';
import { signingAuthorities } from '../signatures.tables.ts';

// The deployment's own PKI, made on first need: a root CA and, under it, one issuing CA per agency. The root
// is the trust anchor the verifier (and anyone checking an issued PDF) uses; keys are sealed with the server key.

export type Authority = { certificate: Buffer; key: KeyObject; chain: Buffer[] };

type Row = { certificate: Uint8Array; sealed_key: string };

async function load(ctx: Ctx, agencyId: string | null): Promise<Row | undefined> {
  const [row] = await selectRows<Row>(
    ctx.db,
    agencyId
      ? sql`select certificate, sealed_key from signing_authorities where agency_id = ${agencyId}`
      : sql`select certificate, sealed_key from signing_authorities where agency_id is null`,
  );
  return row;
}

async function store(
  ctx: Ctx,
  config: Config,
  agencyId: string | null,
  ca: { certificate: Buffer; key: KeyObject },
) {
  const info = describeCertificate(ca.certificate);
  await ctx.db.insert(signingAuthorities).values({
    agencyId,
    certificate: ca.certificate,
    sealedKey: sealPrivateKey(config.secret, ca.key),
    subject: info.subject.commonName ?? '',
    notAfter: new Date(info.notAfter),
    createdAt: ctx.now,
  });
}

/** Serialises CA creation across processes: the first signer of a fresh deployment makes the CA, once. */
const lockAuthorities = (ctx: Ctx) => ctx.db.execute(sql`select pg_advisory_xact_lock(7436001)`);

async function root(ctx: Ctx, config: Config, country: string) {
  let row = await load(ctx, null);
  if (!row) {
    await lockAuthorities(ctx);
    row = await load(ctx, null);
    if (!row) {
      const host = new URL(config.publicUrl).host;
      const ca = await createRootCa({
        commonName: `CivicDesk Root CA (${host})`,
        organisation: 'CivicDesk',
        country,
        years: 20,
        algorithm: 'ecdsa',
      });
      await store(ctx, config, null, ca);
      return ca;
    }
  }
  return { certificate: Buffer.from(row.certificate), key: unsealPrivateKey(config.secret, row.sealed_key) };
}

/** The issuing CA of an agency (created under the root on first need), with its chain up to the root. */
export async function agencyAuthority(ctx: Ctx, config: Config, agencyId: string): Promise<Authority> {
  const [agency] = await selectRows<{ name: string; country: string }>(
    ctx.db,
    sql`select name, country from agencies where id = ${agencyId}`,
  );
  const country = (agency?.country ?? 'vn').toUpperCase();
  const top = await root(ctx, config, country);
  let row = await load(ctx, agencyId);
  if (!row) {
    await lockAuthorities(ctx);
    row = await load(ctx, agencyId);
    if (!row) {
      const ca = await createIssuingCa(top, {
        commonName: `${agency?.name ?? agencyId} CA`,
        organisation: agency?.name ?? 'CivicDesk',
        country,
        years: 10,
        algorithm: 'ecdsa',
      });
      await store(ctx, config, agencyId, ca);
      return { ...ca, chain: [ca.certificate, top.certificate] };
    }
  }
  const certificate = Buffer.from(row.certificate);
  return {
    certificate,
    key: unsealPrivateKey(config.secret, row.sealed_key),
    chain: [certificate, top.certificate],
  };
}

/** The platform root, for people who want to add it to their own trust store (404 before any signature). */
export async function platformRoot(ctx: Ctx): Promise<Buffer> {
  const row = await load(ctx, null);
  if (!row) throw notFound();
  return Buffer.from(row.certificate);
}

/** Roots anyone's signature may chain to: the platform root, and the roots of imported national-CA chains. */
export async function trustAnchors(ctx: Ctx): Promise<Buffer[]> {
  const rows = await selectRows<{ der: Uint8Array | string }>(
    ctx.db,
    sql`select certificate as der from signing_authorities where agency_id is null
        union all
        select distinct decode(chain ->> (jsonb_array_length(chain) - 1), 'base64') as der
          from certificates where source <> 'platform' and jsonb_array_length(chain) > 0`,
  );
  return rows.map((r) => Buffer.from(r.der as Uint8Array));
}

export const newSigningKey = () => generateSigningKey('ecdsa');
