import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { forbidden } from '../../../platform/http/errors.ts';
import { type Locale, translate } from '../../../platform/i18n/i18n.ts';
import { adminAgencyIds } from '../../org/org.service.ts';

// The legal registers (Decree 30 Appendix IV; 생산·접수 등록대장): outgoing (10 columns), incoming (10) and
// follow-up (7), one query each, exported as CSV or XLSX with headers in the reader's language.

type Cell = string | number | null;
export type Register = { kind: 'outgoing' | 'incoming' | 'follow_up'; columns: string[]; rows: Cell[][] };

async function assertReader(ctx: Ctx, actor: Actor, agencyId: string) {
  const rows = await selectRows(
    ctx.db,
    sql`select 1 where exists (select 1 from posts where user_id = ${actor.userId} and agency_id = ${agencyId} and active and role in ('clerk','head'))
        or ${agencyId}::uuid in (${adminAgencyIds(actor)})`,
  );
  if (rows.length === 0) throw forbidden();
}

/** Dates print as YYYY-MM-DD; PGlite returns timestamps as Date, node-postgres too, but raw text is handled. */
function cell(v: Date | string | number | null): Cell {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(v))
    return new Date(v).toISOString().slice(0, 10);
  return v;
}

const columns = {
  outgoing: [
    'number',
    'date',
    'type_subject',
    'signer',
    'recipients',
    'kept_by',
    'copies',
    'sent_at',
    'receiver',
    'notes',
  ],
  incoming: [
    'arrival_date',
    'arrival_number',
    'author',
    'number',
    'date',
    'type_subject',
    'receiving_unit',
    'transfer_date',
    'receiver',
    'notes',
  ],
  follow_up: [
    'arrival_number',
    'document',
    'receiving_unit',
    'deadline',
    'progress',
    'reply_number',
    'notes',
  ],
} as const;

export async function register(
  ctx: Ctx,
  actor: Actor,
  agencyId: string,
  kind: Register['kind'],
  year: number,
): Promise<Register> {
  await assertReader(ctx, actor, agencyId);
  const rows = await selectRows<Record<string, Date | string | number | null>>(
    ctx.db,
    registerQuery(kind, agencyId, year),
  );
  // Columns are selected as c0, c1, … in register order (Object.values would drop duplicate or unnamed columns).
  const names = columns[kind];
  const cells = rows.map((r) => names.map((_, i) => cell(r[`c${i}`] ?? null)));
  return { kind, columns: [...names], rows: cells };
}

/** Selects the register's cells as c0…cN in column order. */
const cells = (exprs: SQL[]) =>
  sql.join(
    exprs.map((e, i) => sql`${e} as ${sql.raw(`c${i}`)}`),
    sql`, `,
  );

function registerQuery(kind: Register['kind'], agencyId: string, year: number) {
  if (kind === 'outgoing') {
    return sql`select ${cells([
      sql`d.number_text`,
      sql`d.issued_at`,
      sql`d.type_code || ' — ' || d.subject`,
      sql`s.display_name`,
      sql`(select string_agg(r.name, '; ' order by r.name) from document_recipients r where r.document_id = d.id)`,
      sql`coalesce(un.name, '')`,
      sql`(select count(*)::int from document_recipients r where r.document_id = d.id)`,
      sql`d.issued_at`,
      sql`''`,
      sql`case when d.status = 'recalled' then 'recalled' else '' end`,
    ])}
      from documents d left join users s on s.id = d.signer_id left join units un on un.id = d.unit_id
      where d.agency_id = ${agencyId} and d.number_year = ${year} and d.register = 'outgoing'
      order by d.number`;
  }
  if (kind === 'incoming') {
    return sql`select ${cells([
      sql`dv.received_at`,
      sql`dv.incoming_number`,
      sql`fa.name`,
      sql`d.number_text`,
      sql`d.issued_at`,
      sql`d.type_code || ' — ' || d.subject`,
      sql`coalesce(un.name, '')`,
      sql`dv.distributed_at`,
      sql`coalesce(lu.display_name, '')`,
      sql`coalesce(dv.result_note, '')`,
    ])}
      from deliveries dv join documents d on d.id = dv.document_id join agencies fa on fa.id = dv.from_agency_id
      left join units un on un.id = dv.unit_id left join delivery_people lp on lp.delivery_id = dv.id and lp.role = 'lead'
      left join users lu on lu.id = lp.user_id
      where dv.to_agency_id = ${agencyId} and dv.incoming_year = ${year} order by dv.incoming_number`;
  }
  return sql`select ${cells([
    sql`dv.incoming_number`,
    sql`coalesce(d.number_text, '') || ' — ' || d.subject`,
    sql`coalesce(un.name, '')`,
    sql`dv.deadline`,
    sql`dv.handling || case when dv.task_done_at is not null then ' (done)' else '' end`,
    sql`coalesce(rd.number_text, '')`,
    sql`coalesce(dv.result_note, '')`,
  ])}
    from deliveries dv join documents d on d.id = dv.document_id left join units un on un.id = dv.unit_id
    left join documents rd on rd.id = dv.reply_document_id
    where dv.to_agency_id = ${agencyId} and dv.incoming_year = ${year} and dv.deadline is not null order by dv.deadline`;
}

const header = (locale: Locale, r: Register) => r.columns.map((c) => translate(locale, `registers.${c}`));

export function registerCsv(locale: Locale, r: Register): string {
  const esc = (v: Cell) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // BOM so spreadsheet programs read the Vietnamese and Korean text as UTF-8.
  return `\ufeff${[header(locale, r), ...r.rows].map((row) => row.map(esc).join(',')).join('\r\n')}\r\n`;
}

export async function registerXlsx(locale: Locale, r: Register, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.addRow(header(locale, r)).font = { bold: true };
  for (const row of r.rows) sheet.addRow(row);
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
