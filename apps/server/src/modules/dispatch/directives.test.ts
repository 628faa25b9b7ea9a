import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { systemCtx } from '../../bootstrap.ts';
import { createMailer } from '../../platform/mail.ts';
import { sendOverdueReminders } from './use-cases/reminders.ts';

type Mail = { to: string; data: string };

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

describe('directives: tasks per recipient, completion, overdue follow-up with reminders', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, [
      'chuyenvien',
      'phochutich',
      'vanthu',
      'vanthu.tanphu',
      'chutich.tanphu',
      'canbo.tanphu',
      'chutich.hoaan',
    ]);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('tracks each commune’s task, flags the overdue one and reminds it in-app and by e-mail', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const past = new Date(Date.now() - 2 * 86400_000).toISOString();
    const future = new Date(Date.now() + 10 * 86400_000).toISOString();
    const directive = await call(c.chuyenvien!, 'POST', '/api/documents', {
      ...letter(a['UBND-LS']!, a['UBND-TP']!),
      typeCode: 'CT',
      subject: 'Chỉ thị về đẩy mạnh chuyển đổi số cấp xã',
      isDirective: true,
      recipients: [
        { kind: 'agency', agencyId: a['UBND-TP'], task: 'Báo cáo số hóa hồ sơ', taskDeadline: future },
        { kind: 'agency', agencyId: a['UBND-HA'], task: 'Báo cáo số hóa hồ sơ', taskDeadline: past },
      ],
    });
    expect(directive.status).toBe(201);
    const id = directive.body.id;
    await call(c.chuyenvien!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids.phochutich }],
    });
    await call(c.phochutich!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
    expect((await call(c.vanthu!, 'POST', `/api/documents/${id}/issue`)).body.numberText).toBe('01/CT-UBND');

    // Tân Phú receives, the chairman assigns, the official reports the task done.
    const [copy] = (
      await call(c['vanthu.tanphu']!, 'GET', `/api/agencies/${a['UBND-TP']}/incoming?state=sent`)
    ).body;
    expect(copy.task).toBe('Báo cáo số hóa hồ sơ');
    await call(c['vanthu.tanphu']!, 'POST', `/api/deliveries/${copy.id}/receive`, {});
    await call(c['chutich.tanphu']!, 'POST', `/api/deliveries/${copy.id}/assign`, {
      leadId: ids['canbo.tanphu'],
      coIds: [],
    });
    expect(
      (
        await call(c['canbo.tanphu']!, 'POST', `/api/deliveries/${copy.id}/complete-task`, {
          report: 'Đã số hóa 1.250 hồ sơ',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(c['canbo.tanphu']!, 'POST', `/api/deliveries/${copy.id}/complete-task`, {
          report: 'again',
        })
      ).status,
    ).toBe(409);

    const progress = (await call(c.chuyenvien!, 'GET', `/api/documents/${id}/deliveries`)).body as {
      toAgency: string;
      overdue: boolean;
      taskDoneAt: string | null;
    }[];
    expect(progress.find((p) => p.toAgency.includes('Tân Phú'))).toMatchObject({
      overdue: false,
      taskDoneAt: expect.any(String),
    });
    expect(progress.find((p) => p.toAgency.includes('Hòa An'))).toMatchObject({
      overdue: true,
      taskDoneAt: null,
    });

    const ctx = systemCtx(t.db.database);
    const mailer = createMailer(smtp.url, 'CivicDesk <no-reply@test.local>');
    expect(await sendOverdueReminders(ctx, mailer)).toBe(1);
    expect(await sendOverdueReminders(ctx, mailer)).toBe(0); // at most one reminder a day
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toBe('chutich.hoaan@demo.civicdesk.local');
    expect(smtp.mails[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    const inApp = (await call(c['chutich.hoaan']!, 'GET', '/api/notifications')).body.items as {
      kind: string;
      params: Record<string, string>;
    }[];
    expect(inApp.find((n) => n.kind === 'dispatch.overdue_reminder')?.params.subject).toBe(
      'Chỉ thị về đẩy mạnh chuyển đổi số cấp xã',
    );

    const rateHa = await call(c['chutich.hoaan']!, 'GET', `/api/agencies/${a['UBND-HA']}/overdue-rate`);
    expect(rateHa.body).toEqual([{ agencyId: a['UBND-HA'], due: 1, overdue: 1, doneOnTime: 0, rate: 1 }]);
    const rateTp = await call(c['chutich.tanphu']!, 'GET', `/api/agencies/${a['UBND-TP']}/overdue-rate`);
    expect(rateTp.body).toEqual([{ agencyId: a['UBND-TP'], due: 1, overdue: 0, doneOnTime: 1, rate: 0 }]);
  });

  it('freezes every copy when the sender recalls the issued document', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const id = (await call(c.chuyenvien!, 'POST', '/api/documents', letter(a['UBND-LS']!, a['UBND-TP']!)))
      .body.id;
    await call(c.chuyenvien!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids.phochutich }],
    });
    await call(c.phochutich!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
    await call(c.vanthu!, 'POST', `/api/documents/${id}/issue`);
    const copies = (
      await call(c['vanthu.tanphu']!, 'GET', `/api/agencies/${a['UBND-TP']}/incoming?state=sent`)
    ).body as { id: string; documentId: string }[];
    const copy = copies.find((x) => x.documentId === id)!;
    expect(
      (
        await call(c.vanthu!, 'POST', `/api/documents/${id}/recall-issued`, {
          reason: 'Sai số liệu, sẽ ban hành văn bản thay thế',
        })
      ).status,
    ).toBe(200);
    expect((await call(c['vanthu.tanphu']!, 'POST', `/api/deliveries/${copy.id}/receive`, {})).status).toBe(
      409,
    );
    expect((await call(c.chuyenvien!, 'GET', `/api/documents/${id}/deliveries`)).body[0].state).toBe(
      'recalled',
    );
    expect(
      (await call(c.vanthu!, 'POST', `/api/documents/${id}/recall-issued`, { reason: 'again' })).status,
    ).toBe(409);
  });
});
