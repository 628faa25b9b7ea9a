import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, world } from '../../../test/eoffice.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { systemCtx } from '../../bootstrap.ts';
import { sendReportReminders } from './use-cases/reminders.ts';

// A tiny OpenAI-compatible endpoint on loopback answering with the text a test sets.
async function startLlmStub() {
  const state = { answer: '', calls: 0, lastBody: '' };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      state.calls++;
      state.lastBody = body;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: state.answer } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1`, state, close: () => new Promise((r) => server.close(r)) };
}

describe('periodic reports: templates, submissions, synthesis with cited summaries', () => {
  let t: TestApp;
  let w: World;
  let llm: Awaited<ReturnType<typeof startLlmStub>>;
  let templateId: string;
  let periods: { id: string; start: string }[];
  beforeAll(async () => {
    llm = await startLlmStub();
    t = await createTestApp({
      demo: 'full',
      config: { llm: { url: llm.url, model: 'stub', timeoutMs: 2000 } },
    });
    w = await world(t.app, [
      'chutich',
      'vanthu.tanphu',
      'chutich.tanphu',
      'canbo.tanphu',
      'chutich.hoaan',
      'chutich.phuloc',
    ]);
    const list = await w.call(w.cookies.chutich!, 'GET', '/api/report-templates');
    templateId = list.body.find((x: { title: string }) => x.title === 'Báo cáo tình hình chuyển đổi số').id;
    periods = (await w.call(w.cookies.chutich!, 'GET', `/api/report-templates/${templateId}`)).body.periods;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await llm?.close();
  });

  it('lists the report a commune owes, with the demo state (Phú Lộc overdue)', async () => {
    const tasks = await w.call(w.cookies['chutich.phuloc']!, 'GET', '/api/reports/tasks');
    expect(tasks.status).toBe(200);
    const last = tasks.body.find((x: { period: { id: string } }) => x.period.id === periods[1]!.id);
    expect(last.status).toBe('not_started');
    expect(last.overdue).toBe(new Date().getUTCDate() > 5);
    const tp = await w.call(w.cookies['vanthu.tanphu']!, 'GET', '/api/reports/tasks');
    expect(tp.body.find((x: { period: { id: string } }) => x.period.id === periods[1]!.id).status).toBe(
      'submitted',
    );
  });

  it('only a parent head or admin defines templates; a commune official cannot', async () => {
    const body = {
      agencyId: w.agencies['UBND-LS'],
      title: 'Báo cáo quý',
      frequency: 'quarterly',
      dueDay: 10,
      fields: [{ key: 'n', label: 'Số liệu', kind: 'number' }],
    };
    expect((await w.call(w.cookies['canbo.tanphu']!, 'POST', '/api/report-templates', body)).status).toBe(
      403,
    );
    const ok = await w.call(w.cookies.chutich!, 'POST', '/api/report-templates', body);
    expect(ok.status).toBe(200);
    expect(ok.body.periods).toHaveLength(1);
  });

  it('refuses a missing required number with a clear message, saves a draft, submits, then locks', async () => {
    const current = periods[0]!.id;
    const tp = w.agencies['UBND-TP']!;
    const missing = await w.call(
      w.cookies['vanthu.tanphu']!,
      'PUT',
      `/api/report-periods/${current}/report`,
      {
        agencyId: tp,
        submit: true,
        values: { online_applications: 10, e_documents: null, signed_rate: 90, highlights: 'Tốt.' },
      },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toContain('Văn bản điện tử phát hành');
    const draft = await w.call(w.cookies['vanthu.tanphu']!, 'PUT', `/api/report-periods/${current}/report`, {
      agencyId: tp,
      values: { online_applications: 10 },
    });
    expect(draft.body.status).toBe('draft');
    const sent = await w.call(w.cookies['vanthu.tanphu']!, 'PUT', `/api/report-periods/${current}/report`, {
      agencyId: tp,
      submit: true,
      values: {
        online_applications: 10,
        e_documents: 5,
        signed_rate: 90,
        highlights: 'Xã hoàn thành số hóa hồ sơ.',
      },
    });
    expect(sent.body.status).toBe('submitted');
    const again = await w.call(w.cookies['vanthu.tanphu']!, 'PUT', `/api/report-periods/${current}/report`, {
      agencyId: tp,
      values: { online_applications: 11 },
    });
    expect(again.status).toBe(409);
    // The parent returns it; the commune may edit and submit again.
    const ret = await w.call(w.cookies.chutich!, 'POST', `/api/reports/${sent.body.id}/return`, {
      reason: 'Bổ sung số liệu',
    });
    expect(ret.status).toBe(200);
    const fixed = await w.call(w.cookies['vanthu.tanphu']!, 'PUT', `/api/report-periods/${current}/report`, {
      agencyId: tp,
      submit: true,
      values: {
        online_applications: 12,
        e_documents: 5,
        signed_rate: 90,
        highlights: 'Xã hoàn thành số hóa hồ sơ.',
      },
    });
    expect(fixed.body.status).toBe('submitted');
  });

  it('a commune cannot read or submit another commune’s report', async () => {
    const last = periods[1]!.id;
    const ha = w.agencies['UBND-HA']!;
    const read = await w.call(
      w.cookies['chutich.tanphu']!,
      'GET',
      `/api/report-periods/${last}/report?agencyId=${ha}`,
    );
    expect(read.status).toBe(404);
    const own = await w.call(
      w.cookies['chutich.hoaan']!,
      'GET',
      `/api/report-periods/${last}/report?agencyId=${ha}`,
    );
    expect(own.status).toBe(200);
    expect((await w.call(w.cookies['chutich.tanphu']!, 'GET', `/api/reports/${own.body.id}`)).status).toBe(
      404,
    );
    const write = await w.call(
      w.cookies['chutich.tanphu']!,
      'PUT',
      `/api/report-periods/${periods[0]!.id}/report`,
      {
        agencyId: ha,
        values: { online_applications: 1 },
      },
    );
    expect(write.status).toBe(404);
    // A commune has no synthesis of the province's template.
    expect(
      (await w.call(w.cookies['chutich.tanphu']!, 'GET', `/api/report-periods/${last}/synthesis`)).status,
    ).toBe(404);
  });

  it('the synthesis sums the numbers, compares with the previous period and cites its summary', async () => {
    const s = await w.call(w.cookies.chutich!, 'GET', `/api/report-periods/${periods[1]!.id}/synthesis`);
    expect(s.status).toBe(200);
    const apps = s.body.numbers.find((n: { key: string }) => n.key === 'online_applications');
    expect(apps).toMatchObject({ sum: 412 + 287, min: 287, max: 412, reported: 2 });
    const tp = apps.byAgency.find((a: { agencyId: string }) => a.agencyId === w.agencies['UBND-TP']);
    expect(tp).toMatchObject({ value: 412, previous: 368, change: 44 });
    expect(s.body.missing.map((m: { agencyId: string }) => m.agencyId)).toEqual([w.agencies['UBND-PL']]);
    const hl = s.body.texts.find((x: { key: string }) => x.key === 'highlights');
    expect(hl.engine).toBe('extractive');
    expect(hl.citations.length).toBeGreaterThan(1);
    expect(new Set(hl.citations.map((c: { agencyId: string }) => c.agencyId)).size).toBe(2);
    for (const c of hl.citations) {
      const rep = await w.call(w.cookies.chutich!, 'GET', `/api/reports/${c.reportId}`);
      expect(String(rep.body.values.highlights)).toContain(c.text);
      expect(hl.summary).toContain(`[${c.id}]`);
    }
  });

  it('uses the LLM answer when every citation exists, and falls back when one is made up', async () => {
    const url = `/api/report-periods/${periods[1]!.id}/synthesis?engine=llm`;
    llm.state.answer = 'Hai xã tăng hồ sơ trực tuyến [1] và ký số [2].';
    const good = await w.call(w.cookies.chutich!, 'GET', url);
    const hl = good.body.texts.find((x: { key: string }) => x.key === 'highlights');
    expect(hl).toMatchObject({ engine: 'llm', summary: llm.state.answer });
    expect(llm.state.lastBody).toContain('[1]');
    llm.state.answer = 'Một xã đạt 100% [9].';
    const bad = await w.call(w.cookies.chutich!, 'GET', url);
    const fb = bad.body.texts.find((x: { key: string }) => x.key === 'highlights');
    expect(fb.engine).toBe('extractive');
    expect(fb.summary).toContain('[1]');
  });

  it('reminds the overdue commune once', async () => {
    const ctx = systemCtx(t.db.database);
    const first = await sendReportReminders(ctx);
    expect(first).toBeGreaterThan(0);
    expect(await sendReportReminders(ctx)).toBe(0);
    const notes = await w.call(w.cookies['chutich.phuloc']!, 'GET', '/api/notifications');
    expect(JSON.stringify(notes.body)).toContain('reports.');
  });
});
