import { sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { selectRows } from '../../../platform/db/db.ts';
import type { Actor, Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { abstractiveSummary } from '../llm.ts';
import { addressed, ownerAgencyIds } from '../reports.policy.ts';
import type { FieldJson, ValuesJson } from '../reports.tables.ts';
import { detectLanguage, extractiveText, summarise } from '../summarise.ts';

// The parent's synthesis of one period: per numeric field the sum, min, max and each agency's value against
// the previous period; per text field a summary whose sentences are cited to their source reports; and who has
// not submitted. Only submitted reports count.

type PeriodRow = {
  id: string;
  template_id: string;
  title: string;
  start: string;
  end: string;
  due_on: string;
  fields: FieldJson[];
};
type AgencyRow = {
  agency_id: string;
  agency_name: string;
  report_id: string | null;
  status: 'draft' | 'submitted' | 'returned' | null;
  values: ValuesJson | null;
  previous: ValuesJson | null;
};

export async function synthesis(ctx: Ctx, actor: Actor, config: Config, periodId: string, useLlm: boolean) {
  const [period] = await selectRows<PeriodRow>(
    ctx.db,
    sql`select p.id, p.template_id, t.title, p.period_start::text as start, p.period_end::text as "end", p.due_on::text as due_on, t.fields
        from report_periods p join report_templates t on t.id = p.template_id
        where p.id = ${periodId} and t.agency_id in (${ownerAgencyIds(actor)})`,
  );
  if (!period) throw notFound();
  const [previous] = await selectRows<{ id: string; start: string; end: string; due_on: string }>(
    ctx.db,
    sql`select id, period_start::text as start, period_end::text as "end", due_on::text as due_on from report_periods
        where template_id = ${period.template_id} and period_start < ${period.start}::date order by period_start desc limit 1`,
  );
  const rows = await selectRows<AgencyRow>(
    ctx.db,
    sql`select a.id as agency_id, a.name as agency_name, s.id as report_id, s.status,
          case when s.status = 'submitted' then s.values end as values,
          (select ps.values from report_submissions ps where ps.period_id = ${previous?.id ?? null}::uuid
            and ps.agency_id = a.id and ps.status = 'submitted') as previous
        from report_templates t join agencies tp on tp.id = t.agency_id join agencies a on ${addressed()}
        left join report_submissions s on s.period_id = ${periodId} and s.agency_id = a.id
        where t.id = ${period.template_id} order by a.code`,
  );
  const today = ctx.now.toISOString().slice(0, 10);
  const submitted = rows.filter((r) => r.status === 'submitted');
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const numbers = period.fields
    .filter((f) => f.kind === 'number')
    .map((f) => {
      const values = submitted.map((r) => num(r.values?.[f.key])).filter((v): v is number => v !== null);
      return {
        key: f.key,
        label: f.label,
        unit: f.unit ?? null,
        sum: round(values.reduce((a, b) => a + b, 0)),
        mean: values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null,
        min: values.length ? Math.min(...values) : null,
        max: values.length ? Math.max(...values) : null,
        reported: values.length,
        byAgency: rows.map((r) => {
          const value = num(r.values?.[f.key]);
          const prev = num(r.previous?.[f.key]);
          return {
            agencyId: r.agency_id,
            agencyName: r.agency_name,
            value,
            previous: prev,
            change: value !== null && prev !== null ? round(value - prev) : null,
          };
        }),
      };
    });
  const texts = [];
  for (const f of period.fields.filter((x) => x.kind === 'text')) {
    const sources = submitted
      .map((r) => ({
        reportId: r.report_id!,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        text: String(r.values?.[f.key] ?? ''),
      }))
      .filter((s) => s.text.trim());
    const picked = summarise(sources, 4);
    const llm =
      useLlm && config.llm
        ? await abstractiveSummary(
            config.llm,
            detectLanguage(sources.map((s) => s.text).join(' ')),
            f.label,
            picked,
          )
        : null;
    texts.push({
      key: f.key,
      label: f.label,
      engine: llm ? ('llm' as const) : ('extractive' as const),
      summary: llm ?? extractiveText(picked),
      citations: picked,
    });
  }
  const toPeriod = (p: { id: string; start: string; end: string; due_on: string }) => ({
    id: p.id,
    start: p.start,
    end: p.end,
    dueOn: p.due_on,
  });
  return {
    templateId: period.template_id,
    title: period.title,
    period: toPeriod(period),
    previous: previous ? toPeriod(previous) : null,
    agencies: rows.map((r) => ({
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      reportId: r.report_id,
      status: r.status ?? ('not_started' as const),
      overdue: r.status !== 'submitted' && period.due_on < today,
    })),
    numbers,
    texts,
    missing: rows
      .filter((r) => r.status !== 'submitted')
      .map((r) => ({ agencyId: r.agency_id, agencyName: r.agency_name })),
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
