import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { createTestApp, signInEnrolled, type TestApp } from '../../../test/test-app.ts';

const people = [
  'chuyenvien',
  'truongphong.vx',
  'chanhvanphong',
  'vanthu',
  'chuyenvien.kt',
  'chutich',
  'phochutich',
];

describe('approval lines: parallel cooperation, return to a step, hold, acting approval and 후열', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, people);
  });
  afterAll(async () => t.close());

  const draft = async () => {
    const r = await w.call(
      w.cookies.chuyenvien!,
      'POST',
      '/api/documents',
      letter(w.agencies['UBND-LS']!, w.agencies['UBND-TP']!),
    );
    return r.body.id as string;
  };
  const act = (user: string, id: string, body: Record<string, unknown>) =>
    w.call(w.cookies[user]!, 'POST', `/api/documents/${id}/approval`, body);

  it('runs the Vietnamese line: content check, parallel cooperation with for/against, format check, signer', async () => {
    const { ids } = w;
    const id = await draft();
    const steps = [
      { kind: 'content_check', assigneeId: ids['truongphong.vx'] },
      { kind: 'cooperation', assigneeId: ids.chanhvanphong },
      { kind: 'cooperation', assigneeId: ids['chuyenvien.kt'], parallel: true },
      { kind: 'format_check', assigneeId: ids.vanthu },
      { kind: 'approval', assigneeId: ids.chutich },
    ];
    expect(
      (await w.call(w.cookies.chuyenvien!, 'POST', `/api/documents/${id}/submit`, { steps })).status,
    ).toBe(200);
    expect((await act('chanhvanphong', id, { action: 'agree' })).status).toBe(409);
    expect((await act('truongphong.vx', id, { action: 'approve' })).body.outcome).toBe('advanced');
    const view = await w.call(w.cookies.chanhvanphong!, 'GET', `/api/documents/${id}/approval`);
    expect(view.body.steps.filter((s: { state: string }) => s.state === 'pending')).toHaveLength(2);
    expect(view.body.actions).toEqual(['agree', 'disagree', 'return']);
    expect((await act('chuyenvien.kt', id, { action: 'disagree' })).status).toBe(400);
    expect(
      (await act('chuyenvien.kt', id, { action: 'disagree', opinion: 'Số liệu chưa khớp với phòng Kinh tế' }))
        .body.outcome,
    ).toBe('advanced');
    expect((await act('chanhvanphong', id, { action: 'agree' })).body.outcome).toBe('advanced');
    // The records clerk returns it to the content check (step 1) for a format problem.
    expect(
      (await act('vanthu', id, { action: 'return', opinion: 'Sai thể thức', returnTo: 1 })).body.outcome,
    ).toBe('returned_to_step');
    expect((await act('truongphong.vx', id, { action: 'approve' })).body.outcome).toBe('advanced');
    await act('chanhvanphong', id, { action: 'agree' });
    await act('chuyenvien.kt', id, { action: 'agree' });
    expect((await act('vanthu', id, { action: 'hold', opinion: 'Chờ số liệu' })).body.outcome).toBe('held');
    expect((await w.call(w.cookies.chuyenvien!, 'GET', `/api/documents/${id}`)).body.status).toBe('on_hold');
    expect((await act('vanthu', id, { action: 'resume' })).body.outcome).toBe('resumed');
    await act('vanthu', id, { action: 'approve' });
    expect((await act('chutich', id, { action: 'approve' })).body.outcome).toBe('approved');
    const detail = await w.call(w.cookies.chuyenvien!, 'GET', `/api/documents/${id}`);
    expect(detail.body).toMatchObject({ status: 'approved', signerMark: null });
  });

  it('lets an acting approver (Q.) act on any step; the absent approver reviews it afterwards (후열)', async () => {
    const { ids, agencies } = w;
    const { cookie: admin } = await signInEnrolled(t.app, 'quantri');
    const today = new Date().toISOString().slice(0, 10);
    const acting = await w.call(admin, 'POST', `/api/agencies/${agencies['UBND-LS']}/delegations`, {
      fromUserId: ids['truongphong.vx'],
      toUserId: ids.chanhvanphong,
      kind: 'acting',
      mark: 'Q',
      validFrom: today,
      validTo: today,
    });
    expect(acting.status).toBe(201);
    const id = await draft();
    await w.call(w.cookies.chuyenvien!, 'POST', `/api/documents/${id}/submit`, {
      steps: [
        { kind: 'review', assigneeId: ids['truongphong.vx'] },
        { kind: 'approval', assigneeId: ids.chutich },
      ],
    });
    expect(
      (await w.call(w.cookies.chanhvanphong!, 'GET', '/api/inbox/counters')).body.toApprove,
    ).toBeGreaterThanOrEqual(1);
    expect((await act('chanhvanphong', id, { action: 'approve' })).body.outcome).toBe('advanced');
    const view = (await w.call(w.cookies['truongphong.vx']!, 'GET', `/api/documents/${id}/approval`)).body;
    const step = view.steps[0];
    expect(step).toMatchObject({
      state: 'approved',
      actedByName: 'Bùi Quang Huy',
      mark: 'Q',
      canPostReview: true,
    });
    expect(
      (await w.call(w.cookies['truongphong.vx']!, 'GET', '/api/inbox/counters')).body.forInformation,
    ).toBe(1);
    const review = await w.call(
      w.cookies['truongphong.vx']!,
      'POST',
      `/api/documents/${id}/approval/steps/${step.id}/post-review`,
    );
    expect(review.status).toBe(200);
    expect(
      (
        await w.call(
          w.cookies['truongphong.vx']!,
          'POST',
          `/api/documents/${id}/approval/steps/${step.id}/post-review`,
        )
      ).status,
    ).toBe(409);
    // A delegate under KT. may sign only the final approval, not a review step.
    const id2 = await draft();
    await w.call(w.cookies.chuyenvien!, 'POST', `/api/documents/${id2}/submit`, {
      steps: [
        { kind: 'review', assigneeId: ids.chutich },
        { kind: 'approval', assigneeId: ids['truongphong.vx'] },
      ],
    });
    expect((await act('phochutich', id2, { action: 'approve' })).status).toBe(409);
  });

  it('lets the drafter change the steps not yet reached (결재경로수정), and nothing already acted on', async () => {
    const { ids } = w;
    const id = await draft();
    await w.call(w.cookies.chuyenvien!, 'POST', `/api/documents/${id}/submit`, {
      steps: [
        { kind: 'review', assigneeId: ids['truongphong.vx'] },
        { kind: 'approval', assigneeId: ids.chutich },
      ],
    });
    const edit = (steps: unknown[]) =>
      w.call(w.cookies.chuyenvien!, 'PUT', `/api/documents/${id}/approval/steps`, { steps });
    expect((await edit([{ kind: 'review', assigneeId: ids.vanthu }])).status).toBe(400);
    expect(
      (
        await edit([
          { kind: 'cooperation', assigneeId: ids['chuyenvien.kt'] },
          { kind: 'approval', assigneeId: ids.phochutich },
        ])
      ).status,
    ).toBe(200);
    const steps = (await w.call(w.cookies.chuyenvien!, 'GET', `/api/documents/${id}/approval`)).body
      .steps as { kind: string; assigneeName: string; state: string }[];
    expect(steps.map((s) => [s.kind, s.assigneeName, s.state])).toEqual([
      ['review', 'Phạm Minh Tuấn', 'pending'],
      ['cooperation', 'Đỗ Thị Lan', 'waiting'],
      ['approval', 'Trần Thị Mai', 'waiting'],
    ]);
    const other = await w.call(w.cookies['truongphong.vx']!, 'PUT', `/api/documents/${id}/approval/steps`, {
      steps: [{ kind: 'approval', assigneeId: ids.chutich }],
    });
    expect(other.status).toBe(403);
  });
});
