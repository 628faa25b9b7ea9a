import type { Submission } from '@civicdesk/contracts/services';
import { asc, eq, sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { serviceProcedures, serviceSubmissions, submissionEvents } from '../services.tables.ts';

// One submission as both sides see it, and the overdue rule: decided and paused submissions never are.

export type SubmissionRow = typeof serviceSubmissions.$inferSelect;

export const isOverdue = (row: Pick<SubmissionRow, 'state' | 'deadline'>, now: Date) =>
  row.state === 'submitted' && row.deadline !== null && row.deadline < now;

export const numberText = (row: Pick<SubmissionRow, 'incomingNumber' | 'incomingYear'>) =>
  row.incomingNumber ? `${row.incomingNumber}/${row.incomingYear}` : null;

export async function findSubmission(ctx: Ctx, id: string, lock = false): Promise<SubmissionRow> {
  const query = ctx.db.select().from(serviceSubmissions).where(eq(serviceSubmissions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export async function findProcedure(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(serviceProcedures).where(eq(serviceProcedures.id, id));
  if (!row) throw notFound();
  return row;
}

export async function submissionView(ctx: Ctx, row: SubmissionRow): Promise<Submission> {
  const procedure = await findProcedure(ctx, row.procedureId);
  const [names] = await selectRows<{
    agency: string;
    unit: string;
    assignee: string | null;
    code: string | null;
  }>(
    ctx.db,
    sql`select (select name from agencies where id = ${row.agencyId}) as agency,
               (select name from units where id = ${row.unitId}) as unit,
               (select display_name from users where id = ${row.assigneeId}) as assignee,
               (select verify_code from documents where id = ${row.resultDocumentId}) as code`,
  );
  const events = await ctx.db
    .select()
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, row.id))
    .orderBy(asc(submissionEvents.createdAt));
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => x !== null))];
  const actors = actorIds.length
    ? await selectRows<{ id: string; display_name: string }>(
        ctx.db,
        sql`select id, display_name from users where id in ${actorIds}`,
      )
    : [];
  const actorName = new Map(actors.map((a) => [a.id, a.display_name]));
  return {
    id: row.id,
    procedureId: row.procedureId,
    procedureName: procedure.name,
    agencyId: row.agencyId,
    agencyName: names?.agency ?? '',
    unitName: names?.unit ?? '',
    form: procedure.form,
    state: row.state,
    values: row.values,
    applicantName: row.applicantName,
    applicantEmail: row.applicantEmail,
    isGuest: row.citizenId === null,
    holderIdentifier: row.holderIdentifier,
    consentPurpose: row.consentPurpose,
    numberText: numberText(row),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    deadline: row.deadline?.toISOString() ?? null,
    overdue: isOverdue(row, ctx.now),
    pausedDays: row.pausedDays,
    assigneeId: row.assigneeId,
    assigneeName: names?.assignee ?? null,
    decisionReason: row.decisionReason,
    resultDocumentId: row.resultDocumentId,
    resultVerifyCode: names?.code ?? null,
    events: events.map((e) => ({
      kind: e.kind,
      actorName: e.actorId ? (actorName.get(e.actorId) ?? null) : null,
      message: e.message,
      values: e.values,
      at: e.createdAt.toISOString(),
    })),
  };
}

export async function addEvent(
  ctx: Ctx,
  submissionId: string,
  kind: (typeof submissionEvents.$inferInsert)['kind'],
  message: string | null = null,
  values: SubmissionRow['values'] | null = null,
) {
  await ctx.db.insert(submissionEvents).values({
    submissionId,
    kind,
    actorId: ctx.actor?.userId ?? null,
    message,
    values,
    createdAt: ctx.now,
  });
}

type SummaryRow = {
  id: string;
  procedure_name: string;
  agency_name: string;
  state: SubmissionRow['state'];
  applicant_name: string;
  incoming_number: number | null;
  incoming_year: number | null;
  submitted_at: string | Date | null;
  deadline: string | Date | null;
  assignee_name: string | null;
};

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** Lists for queues and the portal, in one query. `where` filters `s` (service_submissions). */
export async function listSummaries(ctx: Ctx, where: ReturnType<typeof sql>, limit = 300) {
  const rows = await selectRows<SummaryRow>(
    ctx.db,
    sql`select s.id, p.name as procedure_name, a.name as agency_name, s.state, s.applicant_name,
               s.incoming_number, s.incoming_year, s.submitted_at, s.deadline, u.display_name as assignee_name
          from service_submissions s
          join service_procedures p on p.id = s.procedure_id
          join agencies a on a.id = s.agency_id
          left join users u on u.id = s.assignee_id
         where ${where}
         order by s.deadline asc nulls last, s.created_at desc
         limit ${limit}`,
  );
  return rows.map((r) => {
    const deadline = r.deadline === null ? null : new Date(r.deadline);
    return {
      id: r.id,
      procedureName: r.procedure_name,
      agencyName: r.agency_name,
      state: r.state,
      applicantName: r.applicant_name,
      numberText: numberText({ incomingNumber: r.incoming_number, incomingYear: r.incoming_year }),
      submittedAt: iso(r.submitted_at),
      deadline: iso(r.deadline),
      overdue: isOverdue({ state: r.state, deadline }, ctx.now),
      assigneeName: r.assignee_name,
    };
  });
}
