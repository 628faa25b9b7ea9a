import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Office } from './eoffice-setup.ts';

// One document's life over real HTTP: drafted and submitted in the sending office, approved, issued by its clerk
// (the delivery to the receiving office is created by the issuance), then received, distributed, assigned and
// closed in the receiving office. Every state-changing request is an "action"; list reads are recorded apart.

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are inspected field by field
export type Reply = { status: number; body: any };
export type Call = (method: 'GET' | 'POST', path: string, cookie: string, body?: unknown) => Promise<Reply>;
/** Called after each request: its kind, start and end (performance.now() ms) and status. */
export type Recorder = (kind: string, start: number, end: number, status: number) => void;

export const actionKinds = [
  'create',
  'submit',
  'approve',
  'issue',
  'receive',
  'distribute',
  'assign',
  'close',
] as const;

export class UnexpectedReply extends Error {
  constructor(
    readonly kind: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${kind}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/**
 * An HTTP/1.1 client for one origin (node:http; one socket per request in flight). Without keep-alive each
 * request has its own connection: for one-off requests after a long pause, when the server (Fastify closes idle
 * connections after 72 s) may already have closed a kept socket.
 */
export function httpCaller(origin: string, maxSockets: number, keepAlive = true): Call {
  const { hostname, port } = new URL(origin);
  const agent = new http.Agent({ keepAlive, maxSockets });
  return (method, path, cookie, body) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { cookie };
      if (data !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(data);
      }
      const req = http.request({ hostname, port, method, path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if (String(res.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      });
      req.setTimeout(300_000, () => req.destroy(new Error('request timed out after 300 s')));
      req.on('error', reject);
      req.end(data);
    });
}

const vnSubjects = [
  'V/v báo cáo tình hình triển khai văn phòng điện tử',
  'V/v đôn đốc thực hiện chuyển đổi số cấp xã',
  'V/v tổ chức hội nghị trực tuyến sơ kết quý',
  'V/v rà soát thủ tục hành chính trực tuyến toàn trình',
];
const krSubjects = ['전자결재 운영 현황 보고', '위원회 서면회의 결과 통보', '스마트워크센터 이용 안내'];

function letter(from: Office, to: Office, n: number) {
  const kr = from.typeCode === 'GIAN';
  const subject = `${(kr ? krSubjects : vnSubjects)[n % (kr ? 3 : 4)]} (${n})`;
  return {
    agencyId: from.id,
    typeCode: from.typeCode,
    subject,
    bodyHtml: kr
      ? `<p>${subject}에 관하여 다음과 같이 알려 드립니다.</p><ol><li>추진 실적: 120건</li><li>향후 계획: 분기별 점검</li></ol>`
      : `<p>Thực hiện chỉ đạo của UBND tỉnh, ${from.code} kính báo cáo ${subject.slice(4)}.</p><ul><li>Văn bản đến: 120</li><li>Văn bản đi: 45</li></ul>`,
    urgency: n % 5 === 0 ? 'khan' : 'normal',
    recipients: [{ kind: 'agency', agencyId: to.id }],
  };
}

/**
 * Runs one document through its life. With `race`, the receiving clerk sends the receive twice at once:
 * exactly one must succeed and the other must get 409 (recorded as `receive` and `receive-race-409`).
 */
export async function runFlow(
  call: Call,
  rec: Recorder,
  from: Office,
  to: Office,
  n: number,
  race: boolean,
  /** Awaited before each request, outside its timing (think time). */
  pause: () => Promise<void> = async () => {},
) {
  const step = async (
    kind: string,
    method: 'GET' | 'POST',
    path: string,
    cookie: string,
    body: unknown,
    expect: number,
  ) => {
    await pause();
    const start = performance.now();
    const r = await call(method, path, cookie, body);
    rec(kind, start, performance.now(), r.status);
    if (r.status !== expect) throw new UnexpectedReply(kind, r.status, r.body);
    return r.body;
  };
  const doc = await step('create', 'POST', '/api/documents', from.drafter.cookie, letter(from, to, n), 201);
  const id = doc.id as string;
  await step(
    'submit',
    'POST',
    `/api/documents/${id}/submit`,
    from.drafter.cookie,
    {
      steps: [{ kind: 'approval', assigneeId: from.assigneeId }],
    },
    200,
  );
  const act = await step(
    'approve',
    'POST',
    `/api/documents/${id}/approval`,
    from.approver.cookie,
    {
      action: 'approve',
    },
    200,
  );
  if (act.outcome !== 'approved') throw new UnexpectedReply('approve', 200, act);
  await step('issue', 'POST', `/api/documents/${id}/issue`, from.clerk.cookie, undefined, 200);

  // The receiving clerk finds the copy in the agency's incoming list (state=sent), as the web client does.
  const incoming = (await step(
    'list-incoming',
    'GET',
    `/api/agencies/${to.id}/incoming?state=sent&limit=50`,
    to.clerk.cookie,
    undefined,
    200,
  )) as { id: string; documentId: string }[];
  let deliveryId = incoming.find((d) => d.documentId === id)?.id;
  if (!deliveryId) {
    const copies = (await step(
      'list-deliveries',
      'GET',
      `/api/documents/${id}/deliveries`,
      from.drafter.cookie,
      undefined,
      200,
    )) as { id: string; toAgencyId: string }[];
    deliveryId = copies.find((d) => d.toAgencyId === to.id)?.id;
    if (!deliveryId) throw new UnexpectedReply('list-deliveries', 200, copies);
  }
  const dv = `/api/deliveries/${deliveryId}`;
  if (race) {
    const once = async () => {
      const start = performance.now();
      const r = await call('POST', `${dv}/receive`, to.clerk.cookie, {});
      rec(r.status === 409 ? 'receive-race-409' : 'receive', start, performance.now(), r.status);
      return r;
    };
    await pause();
    const both = await Promise.all([once(), once()]);
    const statuses = both.map((r) => r.status).sort();
    if (statuses[0] !== 200 || statuses[1] !== 409)
      throw new UnexpectedReply(
        'receive-race',
        statuses[1]!,
        both.map((r) => r.body),
      );
  } else {
    await step('receive', 'POST', `${dv}/receive`, to.clerk.cookie, {}, 200);
  }
  await step('distribute', 'POST', `${dv}/distribute`, to.clerk.cookie, { unitId: to.unitId }, 200);
  await step(
    'assign',
    'POST',
    `${dv}/assign`,
    to.head.cookie,
    {
      leadId: to.lead.id,
      coIds: [],
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      instruction: 'Nghiên cứu, tham mưu xử lý',
    },
    200,
  );
  await step('close', 'POST', `${dv}/close`, to.lead.cookie, { resultNote: 'Đã xử lý, lưu hồ sơ' }, 200);
}
