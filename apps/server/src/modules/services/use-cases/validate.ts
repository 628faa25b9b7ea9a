import {
  buildDraftSchema,
  buildValuesSchema,
  type FormDefinition,
  labelIn,
  type SubmissionValues,
} from '@civicdesk/contracts/services';
import { sql } from 'drizzle-orm';
import { selectRows } from '../../../platform/db/db.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';

// Answers are checked against the schema built from the procedure's form — the same function the web form
// uses — and every attached file must be one this server stored (by its upload endpoint).

export async function validateValues(
  ctx: Ctx,
  form: FormDefinition,
  values: SubmissionValues,
  complete: boolean,
): Promise<SubmissionValues> {
  const schema = complete ? buildValuesSchema(form) : buildDraftSchema(form);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
    const labels = keys.map((k) => {
      const field = form.fields.find((f) => f.key === k);
      return field ? labelIn(field.label, ctx.locale) : k;
    });
    throw new AppError(
      'bad_request',
      'services.form_invalid',
      { fields: labels.join(', ') },
      { fields: keys },
    );
  }
  const data = parsed.data as SubmissionValues;
  const hashes = form.fields
    .filter((f) => f.type === 'file')
    .map((f) => data[f.key])
    .filter(
      (v): v is { sha256: string; name: string } => typeof v === 'object' && v !== null && 'sha256' in v,
    )
    .map((v) => v.sha256);
  if (hashes.length) {
    const found = await selectRows<{ sha256: string }>(
      ctx.db,
      sql`select sha256 from files where sha256 in ${hashes}`,
    );
    if (found.length !== new Set(hashes).size) throw new AppError('bad_request', 'services.file_unknown');
  }
  return data;
}

/** The hashes of the files a submission refers to (its answers and answers to requests for information). */
export function fileHashes(values: SubmissionValues[]): Set<string> {
  const out = new Set<string>();
  for (const v of values)
    for (const value of Object.values(v))
      if (typeof value === 'object' && value !== null && 'sha256' in value) out.add(value.sha256);
  return out;
}
