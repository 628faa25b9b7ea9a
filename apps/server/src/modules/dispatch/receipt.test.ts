import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letter, type World, world } from '../../../test/eoffice.ts';
import { has, pdfsig } from '../../../test/pdf-tools.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { renderReceiptPdf } from './use-cases/receipt-pdf.ts';

// The receipt slip of a received copy: a page of its own with the ĐẾN / 접수 stamp, naming the signed original
// by its SHA-256 — which stays byte for byte as issued, its signatures valid.

const dir = mkdtempSync(join(tmpdir(), 'civicdesk-receipt-'));
const text = (name: string, bytes: Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
};
const people = ['canbo.tanphu', 'chutich.tanphu', 'vanthu.tanphu', 'vanthu', 'canbo.hoaan'];

describe('receipt slip (phiếu tiếp nhận / 접수증)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    w = await world(t.app, people);
  });
  afterAll(async () => t.close());

  const get = (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: w.cookies[user]! } });

  it.runIf(has('pdfsig'))(
    'stamps the reception on a slip and leaves the signed original unchanged',
    async () => {
      const { call, cookies: c, ids, agencies: a } = w;
      const id = (
        await call(c['canbo.tanphu']!, 'POST', '/api/documents', letter(a['UBND-TP']!, a['UBND-LS']!))
      ).body.id as string;
      await call(c['canbo.tanphu']!, 'POST', `/api/documents/${id}/submit`, {
        steps: [{ kind: 'approval', assigneeId: ids['chutich.tanphu'] }],
      });
      await call(c['chutich.tanphu']!, 'POST', `/api/documents/${id}/approval`, { action: 'approve' });
      const numberText = (await call(c['vanthu.tanphu']!, 'POST', `/api/documents/${id}/issue`)).body
        .numberText;
      const issued = (await get('vanthu.tanphu', `/api/documents/${id}/pdf`)).rawPayload;
      const delivery = (await call(c.vanthu!, 'GET', `/api/agencies/${a['UBND-LS']}/incoming?state=sent`))
        .body[0];
      expect((await get('vanthu', `/api/deliveries/${delivery.id}/receipt`)).statusCode).toBe(409);
      expect((await call(c.vanthu!, 'POST', `/api/deliveries/${delivery.id}/receive`, {})).status).toBe(200);
      const n = (await call(c.vanthu!, 'GET', `/api/deliveries/${delivery.id}`)).body.incomingNumber;

      const slip = await get('vanthu', `/api/deliveries/${delivery.id}/receipt`);
      expect(slip.statusCode).toBe(200);
      expect(slip.headers['content-type']).toBe('application/pdf');
      const printed = text('slip.pdf', slip.rawPayload);
      expect(printed).toContain('PHIẾU TIẾP NHẬN VĂN BẢN ĐẾN');
      expect(printed).toMatch(new RegExp(`ĐẾN\\s+Số: ${n}\\b`));
      expect(printed).toContain(numberText);
      expect(printed).toContain('Ủy ban nhân dân xã Tân Phú');
      const original = (await get('vanthu', `/api/documents/${id}/pdf`)).rawPayload;
      expect(Buffer.compare(original, issued)).toBe(0);
      expect(printed).toContain(createHash('sha256').update(original).digest('hex'));
      // Rendering again gives the same bytes (the slip is dated by the reception).
      const again = await get('vanthu', `/api/deliveries/${delivery.id}/receipt`);
      expect(Buffer.compare(again.rawPayload, slip.rawPayload)).toBe(0);

      const file = join(dir, 'original.pdf');
      writeFileSync(file, original);
      const sigs = pdfsig(file) as { valid: boolean; wholeDocument: boolean }[];
      expect(sigs.length).toBeGreaterThan(0);
      expect(sigs.every((s) => s.valid)).toBe(true);
      expect(sigs.at(-1)!.wholeDocument).toBe(true);

      // Another agency's people, the sender's clerk included, do not see the slip.
      expect((await get('canbo.hoaan', `/api/deliveries/${delivery.id}/receipt`)).statusCode).toBe(404);
      expect((await get('vanthu.tanphu', `/api/deliveries/${delivery.id}/receipt`)).statusCode).toBe(404);
    },
  );

  it.runIf(has('pdfsig'))('renders the Korean 접수증 with the 접수 stamp', async () => {
    const bytes = await renderReceiptPdf({
      country: 'kr',
      receivingAgency: '한빛구청',
      incomingNumber: 27,
      receivedAt: new Date('2026-11-22T01:30:00Z'),
      receivedBy: '김문서',
      routedTo: '총무과',
      sender: '서울특별시',
      numberText: '디지털정책과-1234',
      issuedAt: new Date('2026-11-21T06:00:00Z'),
      subject: '2027년 예산 편성 회의 안내',
      pdfSha256: 'ab'.repeat(32),
      digitallySigned: true,
      verifyCode: 'Xy12',
      verifyUrl: 'https://civicdesk.example/verify/Xy12',
    });
    const printed = text('kr.pdf', bytes);
    expect(printed.replace(/ /g, '')).toContain('접수증');
    expect(printed).toContain('총무과-27 (2026. 11. 22.)');
    expect(printed).toMatch(/접수번호: 27\s+접수일시: 2026\. 11\. 22\. 10:30/);
    expect(printed).toContain('디지털정책과-1234');
    expect(printed).toContain('ab'.repeat(32));
  });
});
