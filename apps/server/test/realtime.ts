import type { App } from '../src/platform/http/types.ts';

export type Msg = Record<string, unknown>;

/** Opens a socket (the realtime channel unless `url` says which), collecting every message; `next` waits for a match. */
export async function openChannel(app: App, cookie?: string, url = '/api/realtime') {
  const seen: Msg[] = [];
  const waiters: { match: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  const ws = await app.injectWS(url, cookie ? { headers: { cookie } } : {}, {
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
      const timer = setTimeout(() => reject(new Error('no realtime message')), 20_000);
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
  const send = (m: Msg) => ws.send(JSON.stringify(m));
  const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
  return { ws, next, clear, seen, send, closed };
}
