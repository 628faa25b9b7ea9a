import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { agencyNotation, formatNumber, localYear } from '../dispatch.policy.ts';

export type Register = 'outgoing' | 'outgoing_secret' | 'incoming';

/**
 * The next number of a register, gap-free: the row is created or incremented in one statement that holds its
 * lock until the caller's transaction ends, so concurrent issuances queue and a rollback returns the number.
 */
export async function nextNumber(
  ctx: Ctx,
  agencyId: string,
  register: Register,
  year: number,
): Promise<number> {
  const [row] = await selectRows<{ last: number }>(
    ctx.db,
    sql`insert into number_sequences (agency_id, register, year, last) values (${agencyId}, ${register}, ${year}, 1)
        on conflict (agency_id, register, year) do update set last = number_sequences.last + 1
        returning last`,
  );
  return row!.last;
}

/**
 * Takes the next number of the agency's outgoing register and formats it for the document type: for records
 * other modules file as already-signed documents (a committee's minutes), in the caller's transaction.
 */
export async function takeOutgoingNumber(ctx: Ctx, agencyId: string, typeCode: string) {
  const [agency] = await selectRows<{ code: string; country: 'vn' | 'kr' }>(
    ctx.db,
    sql`select code, country from agencies where id = ${agencyId}`,
  );
  if (!agency) throw new Error(`agency ${agencyId} not found`);
  const year = localYear(agency.country, ctx.now);
  const number = await nextNumber(ctx, agencyId, 'outgoing', year);
  const numberText = formatNumber({
    country: agency.country,
    number,
    typeCode,
    agencyNotation: agencyNotation(agency.code),
    unitCode: null,
    unitName: null,
  });
  return { register: 'outgoing' as const, number, year, numberText };
}
