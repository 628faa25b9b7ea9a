import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, multipartFile, type World, world } from '../../../test/eoffice.ts';
import { docxWithText, exeHeader, pdfWithText } from '../../../test/samples.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('drafting: attachments, sanitising, search and the Korean profile', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, config: { maxUploadBytes: 200_000 } });
    w = await world(t.app, [
      'canbo.tanphu',
      'canbo.hoaan',
      'jumugwan',
      'gwajang',
      'munseo',
      'chutich.tanphu',
    ]);
  });
  afterAll(async () => t.close());

  const upload = (user: string, id: string, name: string, bytes: Uint8Array) => {
    const body = multipartFile(name, bytes);
    return t.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/attachments`,
      headers: { cookie: w.cookies[user]!, ...body.headers },
      payload: body.payload,
    });
  };

  it('stores attachments once, refuses oversize and disguised files, and searches their text', async () => {
    const id = (
      await w.call(
        w.cookies['canbo.tanphu']!,
        'POST',
        '/api/documents',
        letter(w.agencies['UBND-TP']!, w.agencies['UBND-LS']!),
      )
    ).body.id;
    const pdf = await pdfWithText(['Bao cao quy III ve chuyen doi so cap xa']);
    const ok = await upload('canbo.tanphu', id, 'bao-cao.pdf', pdf);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'bao-cao.pdf', mime: 'application/pdf' });
    const docx = await upload(
      'canbo.tanphu',
      id,
      'phu-luc.docx',
      docxWithText(['Phụ lục số liệu văn bản điện tử']),
    );
    expect(docx.statusCode).toBe(201);
    const disguised = await upload('canbo.tanphu', id, 'not-a.pdf', exeHeader);
    expect(disguised.statusCode).toBe(415);
    const big = await upload('canbo.tanphu', id, 'big.pdf', new Uint8Array(300_000));
    expect([413, 415]).toContain(big.statusCode);
    const detail = await w.call(w.cookies['canbo.tanphu']!, 'GET', `/api/documents/${id}`);
    expect(detail.body.attachments.map((a: { name: string }) => a.name)).toEqual([
      'bao-cao.pdf',
      'phu-luc.docx',
    ]);
    // Substring search over attachment text, only within what the searcher may read.
    const found = await w.call(w.cookies['canbo.tanphu']!, 'GET', '/api/documents?q=chuyen%20doi%20so');
    expect(found.body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    const vi = await w.call(
      w.cookies['canbo.tanphu']!,
      'GET',
      `/api/documents?q=${encodeURIComponent('số liệu văn bản')}`,
    );
    expect(vi.body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    const other = await w.call(w.cookies['canbo.hoaan']!, 'GET', '/api/documents?q=chuyen%20doi%20so');
    expect(other.body.items).toEqual([]);
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${id}/attachments/${detail.body.attachments[0].id}`,
      headers: { cookie: w.cookies['canbo.tanphu']! },
    });
    expect(Buffer.compare(download.rawPayload, Buffer.from(pdf))).toBe(0);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const stolen = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${id}/attachments/${detail.body.attachments[0].id}`,
      headers: { cookie: w.cookies['canbo.hoaan']! },
    });
    expect(stolen.statusCode).toBe(404);
  });

  it('removes scripts from the body and refuses types of another country profile', async () => {
    const res = await w.call(w.cookies['canbo.tanphu']!, 'POST', '/api/documents', {
      ...letter(w.agencies['UBND-TP']!, w.agencies['UBND-LS']!),
      bodyHtml:
        '<p onclick="alert(1)">Nội dung <strong>chính</strong></p><script>steal()</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>',
    });
    expect(res.status).toBe(201);
    expect(res.body.bodyHtml).toBe(
      '<p>Nội dung <strong>chính</strong></p><a rel="noopener noreferrer">x</a>',
    );
    const korean = await w.call(w.cookies['canbo.tanphu']!, 'POST', '/api/documents', {
      ...letter(w.agencies['UBND-TP']!, w.agencies['UBND-LS']!),
      typeCode: 'GIAN',
    });
    expect(korean.status).toBe(400);
    expect(
      (
        await w.call(
          w.cookies['canbo.tanphu']!,
          'POST',
          '/api/documents',
          letter(w.agencies['UBND-HA']!, w.agencies['UBND-LS']!),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await w.call(w.cookies['canbo.tanphu']!, 'POST', '/api/documents', {
          ...letter(w.agencies['UBND-TP']!, w.agencies['UBND-TP']!),
        })
      ).status,
    ).toBe(400);
  });

  it('numbers a Korean 기안문 as processing unit and serial, and finds it by a Hangul substring', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const doc = await call(c.jumugwan!, 'POST', '/api/documents', {
      agencyId: a['HANBIT-GU'],
      typeCode: 'GIAN',
      subject: '2026년 스마트워크센터 운영 계획 보고',
      bodyHtml:
        '<p>1. 관련: 행정업무의 운영 및 혁신에 관한 규정</p><p>2. 스마트워크센터 좌석 예약 현황을 붙임과 같이 보고합니다.</p>',
      recipients: [],
    });
    expect(doc.status).toBe(201);
    await call(c.jumugwan!, 'POST', `/api/documents/${doc.body.id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids.gwajang }],
    });
    await call(c.gwajang!, 'POST', `/api/documents/${doc.body.id}/approval`, { action: 'approve' });
    const issued = await call(c.munseo!, 'POST', `/api/documents/${doc.body.id}/issue`);
    expect(issued.body.numberText).toBe('기획예산과-1');
    const found = await call(c.jumugwan!, 'GET', `/api/documents?q=${encodeURIComponent('워크센터')}`);
    expect(found.body.items[0]).toMatchObject({ numberText: '기획예산과-1', status: 'issued' });
    const register = await call(
      c.munseo!,
      'GET',
      `/api/agencies/${a['HANBIT-GU']}/registers/outgoing?year=${new Date().getUTCFullYear()}`,
    );
    expect(register.body.headers[0]).toBe('문서번호'); // the clerk's saved language
    expect(register.body.rows[0][0]).toBe('기획예산과-1');
    expect(register.body.rows[0]).toHaveLength(register.body.headers.length);
    expect(register.body.rows[0][1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(register.body.rows[0][2]).toBe('GIAN — 2026년 스마트워크센터 운영 계획 보고');
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/agencies/${a['HANBIT-GU']}/registers/outgoing/export?year=${new Date().getUTCFullYear()}&format=csv`,
      headers: { cookie: c.munseo!, 'accept-language': 'ko' },
    });
    expect(csv.body.startsWith('\ufeff문서번호,일자,종류·제목')).toBe(true);
    expect(csv.body).toContain('기획예산과-1');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/agencies/${a['HANBIT-GU']}/registers/outgoing/export?year=${new Date().getUTCFullYear()}&format=xlsx`,
      headers: { cookie: c.munseo! },
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (await call(c.jumugwan!, 'GET', `/api/agencies/${a['HANBIT-GU']}/registers/outgoing?year=2026`)).status,
    ).toBe(403);
  });

  it('updates only the fields sent, and lets the approver whose turn it is edit the text', async () => {
    const { call, cookies: c, ids, agencies: a } = w;
    const created = await call(c['canbo.tanphu']!, 'POST', '/api/documents', {
      ...letter(a['UBND-TP']!, a['UBND-LS']!),
      urgency: 'hoa_toc',
      retention: 'permanent',
    });
    const id = created.body.id;
    const patched = await call(c['canbo.tanphu']!, 'PATCH', `/api/documents/${id}`, {
      version: 1,
      subject: 'V/v chỉ sửa trích yếu',
    });
    expect(patched.body).toMatchObject({
      subject: 'V/v chỉ sửa trích yếu',
      urgency: 'hoa_toc',
      retention: 'permanent',
      version: 2,
    });
    expect(patched.body.recipients).toHaveLength(1);
    await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
      steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }],
    });
    const byApprover = await call(c['chutich.tanphu']!, 'PATCH', `/api/documents/${id}`, {
      version: 2,
      bodyHtml: '<p>Chủ tịch sửa câu chữ.</p>',
      note: 'Sửa câu chữ',
    });
    expect(byApprover.status).toBe(200);
    expect(byApprover.body).toMatchObject({
      bodyHtml: '<p>Chủ tịch sửa câu chữ.</p>',
      urgency: 'hoa_toc',
      version: 3,
    });
    const noRecipients = await call(c['chutich.tanphu']!, 'PATCH', `/api/documents/${id}`, {
      version: 3,
      recipients: [],
    });
    expect(noRecipients.status).toBe(403);
  });

  it('keeps agency templates for clerks and heads; drafters list them; others may not add', async () => {
    const { call, cookies: c, agencies: a } = w;
    const tpl = { typeCode: 'GIAN', name: '보고 서식', bodyHtml: '<p>1. 관련: …</p><script>x()</script>' };
    expect((await call(c.jumugwan!, 'POST', `/api/agencies/${a['HANBIT-GU']}/templates`, tpl)).status).toBe(
      403,
    );
    const created = await call(c.munseo!, 'POST', `/api/agencies/${a['HANBIT-GU']}/templates`, tpl);
    expect(created.status).toBe(201);
    expect(created.body.bodyHtml).toBe('<p>1. 관련: …</p>');
    expect(
      (await call(c.munseo!, 'POST', `/api/agencies/${a['HANBIT-GU']}/templates`, { ...tpl, typeCode: 'CV' }))
        .status,
    ).toBe(400);
    expect(
      (await call(c.jumugwan!, 'GET', `/api/agencies/${a['HANBIT-GU']}/templates`)).body.map(
        (t: { name: string }) => t.name,
      ),
    ).toEqual(['보고 서식']);
    expect((await call(c['canbo.tanphu']!, 'GET', `/api/agencies/${a['HANBIT-GU']}/templates`)).status).toBe(
      403,
    );
    expect((await call(c.munseo!, 'DELETE', `/api/templates/${created.body.id}`)).status).toBe(200);
  });
});
