import { z } from 'zod';
import { Id } from './common.ts';

export const Notification = z.object({
  id: Id,
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });

/** Messages the server pushes on the per-user WebSocket at /api/realtime. */
export const RealtimeMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: Id }),
  z.object({ type: z.literal('notification'), notification: Notification }),
  z.object({ type: z.literal('counters'), counters: z.record(z.string(), z.number().int()) }),
  z.object({ type: z.literal('session.revoked') }),
  /** What waits for the person changed (a document to approve, a copy to receive or handle): refetch the inbox
   *  counters. Sent inside the changing transaction, so only once it commits. */
  z.object({ type: z.literal('inbox.changed') }),
]);
export type RealtimeMessage = z.infer<typeof RealtimeMessage>;
