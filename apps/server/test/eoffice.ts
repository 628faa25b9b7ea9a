import type { App } from '../src/platform/http/types.ts';
import { agencyIdByCode, signIn, stepUp } from './test-app.ts';

// Helpers for e-office tests: people by username, documents drafted and pushed through approval.

// Test responses are inspected field by field.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Body = any;
export type Call = (
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) => Promise<{ status: number; body: Body }>;

export function caller(app: App): Call {
  return async (cookie, method, url, payload) => {
    const res = await app.inject({ method, url, headers: { cookie }, payload: payload as never });
    return {
      status: res.statusCode,
      body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body,
    };
  };
}

export async function userIds(app: App, cookie: string, agencyId: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/agencies/${agencyId}/people`,
    headers: { cookie },
  });
  return Object.fromEntries(
    (res.json() as { username: string; id: string }[]).map((p) => [p.username, p.id]),
  );
}

export type World = {
  app: App;
  call: Call;
  cookies: Record<string, string>;
  ids: Record<string, string>;
  agencies: Record<string, string>;
};

/** Signs in the given demo people once (stepped up, so they may sign) and resolves agency and user ids. */
export async function world(app: App, usernames: string[]): Promise<World> {
  const cookies: Record<string, string> = {};
  for (const u of usernames) {
    cookies[u] = await signIn(app, u);
    await stepUp(app, cookies[u]);
  }
  const any = cookies[usernames[0]!]!;
  const agencies: Record<string, string> = {};
  for (const code of ['UBND-LS', 'UBND-TP', 'UBND-HA', 'UBND-PL', 'HANBIT-GU'])
    agencies[code] = await agencyIdByCode(app, any, code);
  const ids: Record<string, string> = {};
  for (const u of usernames) {
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookies[u]! } });
    ids[u] = (me.json() as { id: string }).id;
  }
  return { app, call: caller(app), cookies, ids, agencies };
}

export const letter = (agencyId: string, to: string, extra: Record<string, unknown> = {}) => ({
  agencyId,
  typeCode: 'CV',
  subject: 'V/v báo cáo tình hình triển khai văn phòng điện tử',
  bodyHtml:
    '<p>Ủy ban nhân dân xã kính báo cáo tình hình triển khai hệ thống quản lý văn bản và điều hành.</p>',
  urgency: 'khan',
  recipients: [{ kind: 'agency', agencyId: to }],
  ...extra,
});

/** A multipart/form-data body with one file, for app.inject. */
export function multipartFile(name: string, bytes: Uint8Array, mime = 'application/octet-stream') {
  const boundary = `----civicdesk${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const payload = Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
