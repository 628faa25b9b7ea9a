import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { addressed } from '../reports.policy.ts';

// Reminders to the clerks and heads of agencies whose report is not submitted: once three days before the due
// date and once when it is overdue (the report_reminders key makes each one-off, even across instances).

export async function sendReportReminders(ctx: Ctx): Promise<number> {
  const today = ctx.now.toISOString().slice(0, 10);
  const due = await selectRows<{
    period_id: string;
    agency_id: string;
    kind: string;
    title: string;
    due_on: string;
  }>(
    ctx.db,
    sql`insert into report_reminders (period_id, agency_id, kind, sent_at)
        select p.id, a.id, case when p.due_on < ${today}::date then 'overdue' else 'before' end, ${ctx.now.toISOString()}::timestamptz
        from report_periods p join report_templates t on t.id = p.template_id join agencies tp on tp.id = t.agency_id
        join agencies a on ${addressed()}
        where p.due_on <= ${today}::date + 3 and p.due_on >= ${today}::date - 60
          and not exists (select 1 from report_submissions s where s.period_id = p.id and s.agency_id = a.id and s.status = 'submitted')
        on conflict do nothing
        returning period_id, agency_id, kind,
          (select title from report_templates t2 join report_periods p2 on p2.template_id = t2.id where p2.id = period_id) as title,
          (select due_on::text from report_periods p3 where p3.id = period_id) as due_on`,
  );
  for (const r of due) {
    const people = await selectRows<{ user_id: string }>(
      ctx.db,
      sql`select distinct user_id from posts where agency_id = ${r.agency_id} and active and role in ('clerk','head')`,
    );
    for (const p of people)
      await notify(ctx, {
        userId: p.user_id,
        kind: r.kind === 'overdue' ? 'reports.overdue' : 'reports.due_soon',
        params: { title: r.title, due: r.due_on },
        link: `/reports/periods/${r.period_id}?agency=${r.agency_id}`,
      });
  }
  return due.length;
}
