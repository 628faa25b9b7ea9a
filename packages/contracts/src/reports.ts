import { z } from 'zod';
import { Text } from './common.ts';

// Periodic reports: a parent agency's template and schedule, its subordinates' submissions, the synthesis.

export const ReportField = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'lowercase letters, digits and underscore' }),
  label: Text(200),
  kind: z.enum(['number', 'text']),
  unit: z.string().trim().max(40).optional(),
  required: z.boolean().default(true),
});
export type ReportField = z.infer<typeof ReportField>;

export const Frequency = z.enum(['monthly', 'quarterly', 'yearly']);

export const TemplateCreate = z
  .object({
    agencyId: z.uuid(),
    title: Text(300),
    fields: z.array(ReportField).min(1).max(40),
    frequency: Frequency,
    /** Day of the month after the period's end when the report is due. */
    dueDay: z.number().int().min(1).max(28),
    audience: z.enum(['children', 'subtree']).default('children'),
    /** First day of the first period (defaults to the current period). */
    startsOn: z.iso.date().optional(),
  })
  .refine((t) => new Set(t.fields.map((f) => f.key)).size === t.fields.length, {
    message: 'field keys must be unique',
    path: ['fields'],
  });
export type TemplateCreate = z.infer<typeof TemplateCreate>;

export const Period = z.object({
  id: z.uuid(),
  start: z.string(),
  end: z.string(),
  dueOn: z.string(),
});
export type Period = z.infer<typeof Period>;

export const SubmissionStatus = z.enum(['not_started', 'draft', 'submitted', 'returned']);

export const TemplateSummary = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  title: z.string(),
  frequency: Frequency,
  dueDay: z.number(),
  audience: z.enum(['children', 'subtree']),
  fields: z.array(ReportField),
  /** Whether the reader's agency owns it (synthesis) or is addressed by it (fills it). */
  owner: z.boolean(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateDetail = TemplateSummary.extend({ periods: z.array(Period) });
export type TemplateDetail = z.infer<typeof TemplateDetail>;

/** One report an agency of the reader owes: a period of a template, with its state. */
export const ReportTask = z.object({
  templateId: z.uuid(),
  title: z.string(),
  fromAgencyName: z.string(),
  period: Period,
  agencyId: z.uuid(),
  agencyName: z.string(),
  reportId: z.uuid().nullable(),
  status: SubmissionStatus,
  overdue: z.boolean(),
});
export type ReportTask = z.infer<typeof ReportTask>;

export const ReportValues = z.record(z.string(), z.union([z.number(), z.string().max(20_000), z.null()]));

export const ReportSave = z.object({
  agencyId: z.uuid(),
  values: ReportValues,
  submit: z.boolean().default(false),
});
export type ReportSave = z.infer<typeof ReportSave>;

export const Report = z.object({
  id: z.uuid(),
  templateId: z.uuid(),
  title: z.string(),
  fields: z.array(ReportField),
  period: Period,
  agencyId: z.uuid(),
  agencyName: z.string(),
  status: SubmissionStatus,
  values: ReportValues,
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  overdue: z.boolean(),
});
export type Report = z.infer<typeof Report>;

export const ReportReturn = z.object({ reason: Text(1000) });

export const Citation = z.object({
  id: z.number().int(),
  reportId: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  sentenceIndex: z.number().int(),
  text: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const Synthesis = z.object({
  templateId: z.uuid(),
  title: z.string(),
  period: Period,
  previous: Period.nullable(),
  agencies: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      reportId: z.uuid().nullable(),
      status: SubmissionStatus,
      overdue: z.boolean(),
    }),
  ),
  numbers: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      unit: z.string().nullable(),
      sum: z.number(),
      /** Mean of the reported values (the headline of a rate, where a sum means nothing). */
      mean: z.number().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      reported: z.number().int(),
      byAgency: z.array(
        z.object({
          agencyId: z.uuid(),
          agencyName: z.string(),
          value: z.number().nullable(),
          previous: z.number().nullable(),
          change: z.number().nullable(),
        }),
      ),
    }),
  ),
  texts: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      engine: z.enum(['extractive', 'llm']),
      summary: z.string(),
      citations: z.array(Citation),
    }),
  ),
  missing: z.array(z.object({ agencyId: z.uuid(), agencyName: z.string() })),
});
export type Synthesis = z.infer<typeof Synthesis>;
