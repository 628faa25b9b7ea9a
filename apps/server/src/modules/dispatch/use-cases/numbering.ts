import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';

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
