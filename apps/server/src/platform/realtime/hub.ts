import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/db.ts';

// Per-user push channel. Publishing is a NOTIFY inside the caller's transaction, so a message is delivered only
// if the change commits, and every server process listening on the same PostgreSQL relays it to its own sockets.
const channel = 'civicdesk_realtime';

export type Socket = { send(data: string): void; close(code?: number): void };
export type Push = { userIds: string[]; message: Record<string, unknown> };

export type Hub = {
  publish(db: Db, push: Push): Promise<void>;
  attach(userId: string, socket: Socket): () => void;
  connections(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createHub(database: Database): Hub {
  const sockets = new Map<string, Set<Socket>>();
  let unlisten: (() => Promise<void>) | undefined;

  function deliver(payload: string) {
    const push = JSON.parse(payload) as Push;
    const data = JSON.stringify(push.message);
    for (const userId of push.userIds) for (const s of sockets.get(userId) ?? []) s.send(data);
  }

  return {
    async publish(db, push) {
      // NOTIFY payloads are limited to 8000 bytes: large audiences go out in slices.
      for (let i = 0; i < push.userIds.length; i += 100) {
        const slice = { userIds: push.userIds.slice(i, i + 100), message: push.message };
        await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(slice)})`);
      }
    },
    attach(userId, socket) {
      const set = sockets.get(userId) ?? new Set<Socket>();
      sockets.set(userId, set);
      set.add(socket);
      return () => {
        set.delete(socket);
        if (set.size === 0) sockets.delete(userId);
      };
    },
    connections() {
      let n = 0;
      for (const set of sockets.values()) n += set.size;
      return n;
    },
    async start() {
      unlisten = await database.listen(channel, deliver);
    },
    async stop() {
      await unlisten?.();
    },
  };
}
