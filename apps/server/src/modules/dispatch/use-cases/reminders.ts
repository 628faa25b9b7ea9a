import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { isLocale, translate } from '../../../platform/i18n/i18n.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { notify } from '../../notifications/notifications.service.ts';

// Follow-up (đôn đốc) of overdue directive tasks: at most one reminder a day per task, to its lead handler or,
// before assignment, to the receiving agency's heads and clerks — in-app, and by e-mail where configured.

type Overdue = { id: string; subject: string; deadline: Date | string; to_agency_id: string };
type Person = { user_id: string; email: string | null; locale: string; display_name: string };

export async function sendOverdueReminders(ctx: Ctx, mailer: Mailer | null): Promise<number> {
  const now = ctx.now.toISOString();
  const due = await selectRows<Overdue>(
    ctx.db,
    sql`update deliveries dv set last_reminder_at = ${now}::timestamptz from documents d
        where d.id = dv.document_id and d.is_directive and dv.state in ('sent','received') and dv.task_done_at is null
          and dv.deadline < ${now}::timestamptz
          and (dv.last_reminder_at is null or dv.last_reminder_at < ${now}::timestamptz - interval '1 day')
        returning dv.id, d.subject, dv.deadline, dv.to_agency_id`,
  );
  for (const task of due) {
    const people = await selectRows<Person>(
      ctx.db,
      sql`select u.id as user_id, u.email, u.locale, u.display_name from delivery_people dp join users u on u.id = dp.user_id
          where dp.delivery_id = ${task.id} and dp.role = 'lead'
          union
          select u.id, u.email, u.locale, u.display_name from posts p join users u on u.id = p.user_id
          where p.agency_id = ${task.to_agency_id} and p.active and p.role in ('head','clerk')
            and not exists (select 1 from delivery_people where delivery_id = ${task.id} and role = 'lead')`,
    );
    const deadline = new Date(task.deadline).toISOString().slice(0, 10);
    for (const p of people) {
      await notify(ctx, {
        userId: p.user_id,
        kind: 'dispatch.overdue_reminder',
        params: { subject: task.subject, deadline },
        link: `/deliveries/${task.id}`,
      });
      if (mailer && p.email) {
        const locale = isLocale(p.locale) ? p.locale : 'en';
        await mailer.send({
          to: p.email,
          subject: translate(locale, 'mail.overdue.subject', { subject: task.subject }),
          text: translate(locale, 'mail.overdue.body', {
            name: p.display_name,
            subject: task.subject,
            deadline,
          }),
        });
      }
    }
  }
  return due.length;
}
