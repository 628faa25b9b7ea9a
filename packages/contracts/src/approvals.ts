import { z } from 'zod';
import { Id, Text } from './common.ts';

export const StepKind = z.enum([
  'review',
  'cooperation',
  'content_check',
  'format_check',
  'approval',
  'notify',
]);
export type StepKind = z.infer<typeof StepKind>;
export const StepState = z.enum([
  'waiting',
  'pending',
  'approved',
  'agreed',
  'disagreed',
  'returned',
  'held',
  'notified',
  'cancelled',
]);

export const LineStep = z.object({
  kind: StepKind,
  assigneeId: Id,
  /** Runs in parallel with the previous step of the same kind (병렬협조). */
  parallel: z.boolean().optional(),
});
export const Submit = z.object({ steps: z.array(LineStep).min(1).max(20) });

export const ApprovalAction = z.enum(['approve', 'agree', 'disagree', 'return', 'hold', 'resume']);
export const Act = z.object({
  action: ApprovalAction,
  opinion: Text(2000).optional(),
  /** For a return: back to the drafter (default) or to an earlier step number of the line. */
  returnTo: z.union([z.literal('drafter'), z.number().int().positive()]).optional(),
});

export const ApprovalStep = z.object({
  id: Id,
  seq: z.number().int(),
  kind: StepKind,
  state: StepState,
  assigneeId: Id,
  assigneeName: z.string(),
  positionName: z.string().nullable(),
  actedByName: z.string().nullable(),
  mark: z.string().nullable(),
  opinion: z.string().nullable(),
  actedAt: z.string().nullable(),
  postReviewAt: z.string().nullable(),
  canPostReview: z.boolean(),
});
export type ApprovalStep = z.infer<typeof ApprovalStep>;
export const ApprovalView = z.object({
  round: z.number().int(),
  steps: z.array(ApprovalStep),
  actions: z.array(ApprovalAction),
});
export type ApprovalView = z.infer<typeof ApprovalView>;
export const ActResult = z.object({ outcome: z.string() });

export const SavedLine = z.object({ id: Id, name: z.string(), steps: z.array(LineStep) });
export const SavedLineCreate = z.object({ name: Text(100), steps: z.array(LineStep).min(1).max(20) });
