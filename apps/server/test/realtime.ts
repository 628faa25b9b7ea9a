import type { App } from '../src/platform/http/types.ts';

export type Msg = Record<string, unknown>;

/** Opens the realtime socket, collecting every message from the first one on; `next` waits for a match. */
export async function openChannel(app: App, cookie?: string) {
  const seen: Msg[] = [];
  const waiters: { match: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  const ws = await app.injectWS('/api/realtime', cookie ? { headers: { cookie } } : {}, {
    onInit: (socket) =>
      socket.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as Msg;
        seen.push(msg);
        for (const w of waiters.splice(0)) w.match(msg) ? w.resolve(msg) : waiters.push(w);
      }),
  });
  const next = (match: (m: Msg) => boolean) =>
    new Promise<Msg>((resolve, reject) => {
      const found = seen.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error('no realtime message')), 10_000);
      waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  /** Forgets what arrived so far (to wait for the next message of a kind already seen). */
  const clear = () => void seen.splice(0);
  return { ws, next, clear, seen };
}
