import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

const people = [
  'canbo.tanphu',
  'chutich.tanphu',
  'vanthu.tanphu',
  'vanthu',
  'truongphong.vx',
  'chuyenvien',
  'phochutich',
  'chutich',
  'canbo.hoaan',
];

describe('a document across two agencies: draft → approve → issue → dispatch → receive → assign → reply', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, people);
  });
  afterAll(async () => t.close());

  it('runs the whole journey and each side sees the other’s progress', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const draft = await call(
      c['canbo.tanphu']!,
      'POST',
      '/api/documents',
      letter(a['UBND-TP']!, a['UBND-LS']!),
    );
    expect(draft.status).toBe(201);
    const id = draft.body.id as string;
    expect(draft.body).toMatchObject({ status: 'draft', can: { edit: true, submit: true } });

    const submit = await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }],
    });
    expect(submit.status).toBe(200);
    const view = await call(c['chutich.tanphu']!, 'GET', `/api/documents/${id}/approval`);
    expect(view.body.actions).toEqual(['approve', 'return', 'hold']);
    const inbox = await call(c['chutich.tanphu']!, 'GET', '/api/documents?box=to_approve');
    expect(inbox.body.items.map((d: { id: string }) => d.id)).toContain(id);

    expect(
      (
        await call(c['chutich.tanphu']!, 'POST', `/api/documents/${id}/approval`, {
          action: 'approve',
          opinion: 'Đồng ý',
        })
      ).body,
    ).toEqual({ outcome: 'approved' });
    const issued = await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`);
    expect(issued.status).toBe(200);
    expect(issued.body.numberText).toBe('01/UBND-VX');
    expect((await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`)).status).toBe(409);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${id}/pdf`,
      headers: { cookie: c['canbo.tanphu']! },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The province's clerk sees it arrive and receives it with an incoming number.
    const counters = await call(c.vanthu!, 'GET', '/api/inbox/counters');
    expect(counters.body.toReceive).toBe(1);
    const incoming = await call(c.vanthu!, 'GET', `/api/agencies/${a['UBND-LS']}/incoming?state=sent`);
    const delivery = incoming.body[0];
    expect(delivery).toMatchObject({
      numberText: '01/UBND-VX',
      fromAgency: 'Ủy ban nhân dân xã Tân Phú',
      state: 'sent',
    });
    expect((await call(c.vanthu!, 'POST', `/api/deliveries/${delivery.id}/receive`, {})).status).toBe(200);
    expect((await call(c.vanthu!, 'POST', `/api/deliveries/${delivery.id}/receive`, {})).status).toBe(409);
    const units = (await call(c.vanthu!, 'GET', `/api/agencies/${a['UBND-LS']}/units`)).body as {
      id: string;
      code: string;
    }[];
    const vx = units.find((u) => u.code === 'VX')!.id;
    expect(
      (await call(c.vanthu!, 'POST', `/api/deliveries/${delivery.id}/distribute`, { unitId: vx })).status,
    ).toBe(200);

    const deadline = new Date(Date.now() + 5 * 86400_000).toISOString();
    const assign = await call(c['truongphong.vx']!, 'POST', `/api/deliveries/${delivery.id}/assign`, {
      leadId: ids.chuyenvien,
      coIds: [],
      deadline,
      instruction: 'Tổng hợp, trả lời',
    });
    expect(assign.status).toBe(200);
    expect((await call(c.chuyenvien!, 'GET', '/api/inbox/counters')).body.toHandle).toBe(1);

    const reply = await call(c.chuyenvien!, 'POST', '/api/documents', {
      ...letter(a['UBND-LS']!, a['UBND-TP']!),
      subject: 'V/v trả lời báo cáo triển khai',
      replyToDeliveryId: delivery.id,
    });
    expect(reply.status).toBe(201);
    await call(c.chuyenvien!, 'POST', `/api/documents/${reply.body.id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids.chutich }],
    });
    // The vice-chairman signs KT. for the chairman under the demo delegation.
    expect(
      (await call(c.phochutich!, 'POST', `/api/documents/${reply.body.id}/approval`, { action: 'approve' }))
        .body.outcome,
    ).toBe('approved');
    expect((await call(c.vanthu!, 'POST', `/api/documents/${reply.body.id}/issue`)).body.numberText).toBe(
      '01/UBND-VX',
    );

    const progress = await call(c['canbo.tanphu']!, 'GET', `/api/documents/${id}/deliveries`);
    expect(progress.body[0]).toMatchObject({
      state: 'received',
      handling: 'replied',
      incomingNumber: 1,
      leadName: 'Hoàng Văn Nam',
      replyNumber: '01/UBND-VX',
    });
    const replyDetail = await call(c.chuyenvien!, 'GET', `/api/documents/${reply.body.id}`);
    expect(replyDetail.body.signerMark).toBe('KT');
  });

  it('refuses actions out of turn, in the wrong state or from another agency, changing nothing', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const draft = await call(
      c['canbo.tanphu']!,
      'POST',
      '/api/documents',
      letter(a['UBND-TP']!, a['UBND-LS']!),
    );
    const id = draft.body.id as string;
    expect((await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`)).status).toBe(404);
    expect((await call(c['canbo.hoaan']!, 'GET', `/api/documents/${id}`)).status).toBe(404);
    expect(
      (await call(c['canbo.hoaan']!, 'PATCH', `/api/documents/${id}`, { version: 1, subject: 'x' })).status,
    ).toBe(404);
    const line = { steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }] };
    expect(
      (
        await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
          steps: [{ kind: 'approval', assigneeId: ids.chutich }],
        })
      ).status,
    ).toBe(400);
    expect((await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, line)).status).toBe(200);
    expect((await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, line)).status).toBe(409);
    expect(
      (await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' })).status,
    ).toBe(409);
    // The clerk sees the document only once it is approved.
    expect((await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`)).status).toBe(404);
    const ret = await call(c['chutich.tanphu']!, 'POST', `/api/documents/${id}/approval`, {
      action: 'return',
    });
    expect(ret.status).toBe(400);
    const detail = await call(c['canbo.tanphu']!, 'GET', `/api/documents/${id}`);
    expect(detail.body.status).toBe('in_approval');
  });

  it('returns to the drafter with a reason, lets them edit and resubmit, and keeps every version', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const id = (
      await call(c['canbo.tanphu']!, 'POST', '/api/documents', letter(a['UBND-TP']!, a['UBND-LS']!))
    ).body.id as string;
    await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }],
    });
    const ret = await call(c['chutich.tanphu']!, 'POST', `/api/documents/${id}/approval`, {
      action: 'return',
      opinion: 'Bổ sung số liệu quý III',
    });
    expect(ret.body.outcome).toBe('returned');
    const edited = await call(c['canbo.tanphu']!, 'PATCH', `/api/documents/${id}`, {
      version: 1,
      bodyHtml: '<p>Bổ sung: 120 văn bản đến, 45 văn bản đi.</p><script>alert(1)</script>',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.bodyHtml).not.toContain('script');
    expect(
      (await call(c['canbo.tanphu']!, 'PATCH', `/api/documents/${id}`, { version: 1, subject: 'stale' }))
        .status,
    ).toBe(409);
    const diff = await call(c['canbo.tanphu']!, 'GET', `/api/documents/${id}/diff?from=1&to=2`);
    expect(diff.body.lines).toEqual(
      expect.arrayContaining([{ op: '+', text: 'Bổ sung: 120 văn bản đến, 45 văn bản đi.' }]),
    );
    expect(
      (
        await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
          steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }],
        })
      ).status,
    ).toBe(200);
    const history = await call(c['canbo.tanphu']!, 'GET', `/api/documents/${id}/history`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'documents.created',
      'approvals.submitted',
      'approvals.return',
      'documents.edited',
      'approvals.submitted',
    ]);
  });

  it('lets the drafter recall before anyone acts, and not after', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const id = (
      await call(c['canbo.tanphu']!, 'POST', '/api/documents', letter(a['UBND-TP']!, a['UBND-LS']!))
    ).body.id as string;
    const line = {
      steps: [
        { kind: 'review', assigneeId: ids['vanthu.tanphu'] },
        { kind: 'approval', assigneeId: ids['chutich.tanphu'] },
      ],
    };
    await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, line);
    expect((await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/recall`)).status).toBe(200);
    expect((await call(c['canbo.tanphu']!, 'GET', `/api/documents/${id}`)).body.status).toBe('draft');
    await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, line);
    await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
    expect((await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/recall`)).status).toBe(409);
  });
});
