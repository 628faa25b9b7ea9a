import { z } from 'zod';
import { Id, Text } from './common.ts';
import { Urgency } from './documents.ts';

export const DeliveryState = z.enum(['sent', 'received', 'returned', 'recalled', 'forwarded']);
export const HandlingState = z.enum(['unassigned', 'assigned', 'replied', 'closed']);

export const Delivery = z.object({
  id: Id,
  documentId: Id,
  state: DeliveryState,
  handling: HandlingState,
  sentAt: z.string(),
  receivedAt: z.string().nullable(),
  incomingNumber: z.number().int().nullable(),
  incomingYear: z.number().int().nullable(),
  fromAgency: z.string(),
  toAgency: z.string(),
  toAgencyId: Id,
  numberText: z.string().nullable(),
  issuedAt: z.string().nullable(),
  typeCode: z.string(),
  subject: z.string(),
  urgency: Urgency,
  unitName: z.string().nullable(),
  leadName: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  handledAt: z.string().nullable(),
  resultNote: z.string().nullable(),
  returnReason: z.string().nullable(),
  replyNumber: z.string().nullable(),
  task: z.string().nullable(),
  taskDoneAt: z.string().nullable(),
  taskReport: z.string().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;
export const MyDelivery = Delivery.extend({ viewedAt: z.string().nullable() });

export const DeliveryDetail = Delivery.extend({
  people: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      role: z.enum(['lead', 'co', 'reader']),
      viewedAt: z.string().nullable(),
    }),
  ),
  can: z.object({
    receive: z.boolean(),
    forward: z.boolean(),
    distribute: z.boolean(),
    assign: z.boolean(),
    handle: z.boolean(),
    circulate: z.boolean(),
    completeTask: z.boolean(),
  }),
});
export type DeliveryDetail = z.infer<typeof DeliveryDetail>;

export const ReturnDelivery = z.object({ reason: Text(1000) });
export const ForwardDelivery = z.object({ toAgencyId: Id, reason: Text(1000) });
export const Distribute = z.object({ unitId: Id });
export const Assign = z.object({
  leadId: Id,
  coIds: z.array(Id).max(50).default([]),
  deadline: z.iso.datetime({ offset: true }).nullable().default(null),
  instruction: Text(2000).nullable().default(null),
});
export const Close = z.object({ resultNote: Text(2000) });
export const Circulate = z.object({ userIds: z.array(Id).min(1).max(200) });
export const CompleteTask = z.object({ report: Text(2000) });
export const RecallIssued = z.object({ reason: Text(1000) });

export const IncomingQuery = z.object({
  state: DeliveryState.optional(),
  overdue: z.coerce.boolean().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const RegisterKind = z.enum(['outgoing', 'incoming', 'follow_up']);
export const RegisterQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const RegisterTable = z.object({
  kind: RegisterKind,
  columns: z.array(z.string()),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});

export const InboxCounters = z.object({
  toApprove: z.number().int(),
  drafts: z.number().int(),
  toReceive: z.number().int(),
  toHandle: z.number().int(),
  overdue: z.number().int(),
  forInformation: z.number().int(),
});
export type InboxCounters = z.infer<typeof InboxCounters>;

export const OverdueRate = z.array(
  z.object({
    agencyId: Id,
    due: z.number().int(),
    overdue: z.number().int(),
    doneOnTime: z.number().int(),
    rate: z.number(),
  }),
);
