import type { AllowanceLine } from '@civicdesk/contracts/committees';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type Locale, translate } from '../../../platform/i18n/i18n.ts';
import { assertManage } from '../committees.access.ts';
import * as q from '../committees.queries.ts';

// Allowances (수당·여비 / thù lao, §3.9) for external members only — the agency's own officials get none:
// per closed meeting attended, the attendance allowance, plus travel for meetings held in person; a review
// allowance per written deliberation in which the member voted and per meeting attended whose agenda had
// materials to study. Computed from the record in one query, exported for payment as CSV or XLSX.

type Line = z.infer<typeof AllowanceLine>;

export async function allowances(
  ctx: Ctx,
  actor: Actor,
  committeeId: string,
  range: { from: string; to: string },
): Promise<Line[]> {
  await assertManage(ctx, actor, committeeId);
  if (range.from > range.to) throw new AppError('bad_request', 'committees.date_range');
  const committee = await q.findCommittee(ctx.db, committeeId);
  const rates = committee!.rates;
  // Meeting dates are taken in the committee's country (the agency's local calendar).
  const rows = await selectRows<{
    member_id: string;
    name: string;
    meetings: number;
    attended: number;
    in_person: number;
    reviewed: number;
  }>(
    ctx.db,
    sql`with agency as (select case a.country when 'kr' then 'Asia/Seoul' else 'Asia/Ho_Chi_Minh' end as tz
                        from committees c join agencies a on a.id = c.agency_id where c.id = ${committeeId}),
        held as (select mt.id, mt.mode,
                   exists (select 1 from agenda_items i join item_materials im on im.item_id = i.id where i.meeting_id = mt.id) as has_materials
                 from meetings mt, agency
                 where mt.committee_id = ${committeeId} and mt.status = 'closed'
                   and (mt.starts_at at time zone agency.tz)::date between ${range.from}::date and ${range.to}::date),
        took as (select m.id as member_id, h.id as meeting_id, h.mode, h.has_materials,
                   case when h.mode = 'written' then exists (
                          select 1 from polls p join agenda_items i on i.id = p.item_id where i.meeting_id = h.id and (
                            exists (select 1 from named_votes v where v.poll_id = p.id and v.member_id = m.id)
                            or exists (select 1 from poll_participation v where v.poll_id = p.id and v.member_id = m.id)))
                        else coalesce((select a.present from meeting_attendance a where a.meeting_id = h.id and a.member_id = m.id), false)
                   end as took_part
                 from committee_members m join users u on u.id = m.user_id, held h
                 where m.committee_id = ${committeeId} and u.kind = 'external' and m.role <> 'secretary')
        select m.id as member_id, u.display_name as name, count(*) filter (where t.took_part)::int as meetings,
          count(*) filter (where t.took_part and t.mode <> 'written')::int as attended,
          count(*) filter (where t.took_part and t.mode = 'in_person')::int as in_person,
          count(*) filter (where t.took_part and (t.mode = 'written' or t.has_materials))::int as reviewed
        from committee_members m join users u on u.id = m.user_id left join took t on t.member_id = m.id
        where m.committee_id = ${committeeId} and u.kind = 'external' and m.role <> 'secretary'
        group by m.id, u.display_name order by u.display_name`,
  );
  return rows.map((r) => {
    const attendance = r.attended * rates.attendance;
    const review = r.reviewed * rates.review;
    const travel = r.in_person * rates.travel;
    return {
      memberId: r.member_id,
      name: r.name,
      meetings: r.meetings,
      attendance,
      review,
      travel,
      total: attendance + review + travel,
    };
  });
}

const columns = ['name', 'meetings', 'attendance', 'review', 'travel', 'total'] as const;

export function allowancesCsv(locale: Locale, lines: Line[]): string {
  const esc = (v: string | number) => {
    const s = String(v);
    // A leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = columns.map((c) => translate(locale, `allowances.${c}`));
  const rows = lines.map((l) => columns.map((c) => l[c]));
  return `\ufeff${[header, ...rows].map((row) => row.map(esc).join(',')).join('\r\n')}\r\n`;
}

export async function allowancesXlsx(locale: Locale, lines: Line[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.addRow(columns.map((c) => translate(locale, `allowances.${c}`))).font = { bold: true };
  for (const l of lines) sheet.addRow(columns.map((c) => l[c]));
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 32 : 16;
    if (i > 0) col.numFmt = '#,##0';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
