import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeFixture, type Fixture, markClosed, recuse } from '../../../test/committee-votes.ts';
import { has, MISSING, pdfsig, qpdfCheck } from '../../../test/pdf-tools.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { systemCtx } from '../../bootstrap.ts';
import { selectRows } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/http/context.ts';
import { openWrittenPolls } from './use-cases/written.ts';

// Minutes: drafted at close from the record, edited, circulated and confirmed, signed by the chair after a
// step-up (by the stand-in when the chair was absent; by every voter of a written deliberation), filed as a
// numbered issued document whose PDF poppler and qpdf accept; an edit voids it all; the public version is
// redacted; allowances are computed for external members only.

const dir = mkdtempSync(join(tmpdir(), 'civicdesk-minutes-'));
const save = (name: string, bytes: Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const textOf = (file: string) => spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout ?? '';

describe('committee minutes and allowances', () => {
  let t: TestApp;
  const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(t.db.database.db, q);
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  /** A meeting with a named vote on an open item and a secret vote on a closed one, then closed. */
  async function heldMeeting(opts: { present: number; chairPresent?: boolean }) {
    const f = await committeeFixture(t, {
      members: 5,
      externals: 2,
      present: opts.present,
      items: [
        { kind: 'resolution', title: 'Thông qua đề án chuyển đổi số', materials: true },
        { kind: 'resolution', title: 'Nhân sự Tổ thư ký', closed: true, secret: true },
      ],
    });
    if (opts.chairPresent === false)
      await t.db.database.db.execute(
        sql`update meeting_attendance set present = false where meeting_id = ${f.meetingId} and member_id = ${f.members[0]!.memberId}`,
      );
    await recuse(t, f.itemIds[0]!, f.members[3]!.memberId);
    for (const [i, itemId] of f.itemIds.entries()) {
      const poll = (
        await f.call(f.manager.cookie, 'POST', `/api/meetings/${f.meetingId}/items/${itemId}/polls`, {})
      ).body;
      expect(poll.id).toBeTruthy();
      for (const m of f.members.slice(0, opts.present))
        await f.call(m.cookie, 'POST', `/api/polls/${poll.id}/vote`, { choice: i === 0 ? 'yes' : 'no' });
      await f.call(f.manager.cookie, 'POST', `/api/polls/${poll.id}/close`);
    }
    await markClosed(t, f.meetingId);
    return f;
  }

  const minutes = (
    f: Fixture,
    cookie: string,
    method: 'GET' | 'POST' | 'PUT',
    path = '',
    payload?: unknown,
  ) => f.call(cookie, method, `/api/meetings/${f.meetingId}/minutes${path}`, payload);

  it('drafts, circulates, is confirmed, signed by the chair after step-up and filed with a valid signature', async () => {
    const f = await heldMeeting({ present: 4 });
    const [chair, vice, , , absent] = f.members;
    const draft = await minutes(f, f.manager.cookie, 'GET');
    expect(draft.body).toMatchObject({ status: 'draft', summaryHtml: '', documentId: null, hasPdf: false });
    const edited = await minutes(f, f.manager.cookie, 'PUT', '', {
      summaryHtml:
        '<p>Các thành viên thống nhất <strong>thông qua</strong> đề án.</p><script>alert(1)</script>',
    });
    expect(edited.body.summaryHtml).toBe(
      '<p>Các thành viên thống nhất <strong>thông qua</strong> đề án.</p>',
    );
    expect((await minutes(f, chair!.cookie, 'PUT', '', { summaryHtml: 'x' })).status).toBe(403);
    expect((await minutes(f, chair!.cookie, 'POST', '/confirm')).body.error.key).toBe(
      'committees.minutes_not_circulated',
    );
    expect((await minutes(f, f.manager.cookie, 'POST', '/circulate')).body.status).toBe('circulated');
    expect((await minutes(f, vice!.cookie, 'POST', '/confirm')).body.confirmations).toHaveLength(1);
    expect((await minutes(f, absent!.cookie, 'POST', '/confirm')).body.error.key).toBe(
      'committees.not_attendee',
    );

    // Only the presiding chair signs, and only after a fresh step-up.
    expect((await minutes(f, vice!.cookie, 'POST', '/sign')).body.error.key).toBe('committees.not_signer');
    await t.db.database.db.execute(
      sql`update sessions set reauth_at = null where user_id = ${chair!.userId}`,
    );
    expect((await minutes(f, chair!.cookie, 'POST', '/sign')).body.error.key).toBe(
      'identity.step_up_required',
    );
    await t.db.database.db.execute(
      sql`update sessions set reauth_at = now() where user_id = ${chair!.userId}`,
    );
    const signed = await minutes(f, chair!.cookie, 'POST', '/sign');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      hasPdf: true,
      signatures: [{ name: chair!.name, role: 'chair' }],
    });
    expect(signed.body.numberText).toMatch(/^\d+\/BB-UBND$/);
    expect((await minutes(f, chair!.cookie, 'POST', '/sign')).body.error.key).toBe(
      'committees.minutes_signed',
    );
    const [doc] = await rows<{
      status: string;
      type_code: string;
      subject: string;
      digitally_signed: boolean;
      pdf_sha256: string;
      register: string;
    }>(
      sql`select status, type_code, subject, digitally_signed, pdf_sha256, register from documents where id = ${signed.body.documentId}`,
    );
    expect(doc).toMatchObject({
      status: 'issued',
      type_code: 'BB',
      digitally_signed: true,
      register: 'outgoing',
    });

    const pdf = await minutes(f, vice!.cookie, 'GET', '/pdf');
    expect(pdf.status).toBe(200);
    const file = save('signed.pdf', pdf.body);
    const [stored] = await rows<{ pdf_sha256: string }>(
      sql`select pdf_sha256 from meeting_minutes where meeting_id = ${f.meetingId}`,
    );
    expect(stored!.pdf_sha256).toBe(doc!.pdf_sha256);
    const sigs = pdfsig(file);
    if (sigs !== MISSING) {
      expect(sigs).toHaveLength(1);
      expect(sigs[0]).toMatchObject({ field: 'sign-1', valid: true, wholeDocument: true });
    }
    const check = qpdfCheck(file);
    if (check !== MISSING) expect(check.ok, check.output).toBe(true);
    if (has('pdfsig')) {
      const text = textOf(file);
      expect(text).toContain('BIÊN BẢN HỌP');
      expect(text).toContain('Thông qua đề án chuyển đổi số');
      expect(text).toContain('Mô tả nội dung 2'); // the full version keeps the closed item's description
      expect(text).toMatch(/THÔNG QUA/);
      expect(text).toContain(f.members[3]!.name); // the recusal
    }
    // The public version: closed items reduced to their title.
    const pub = await minutes(f, absent!.cookie, 'GET', '/public.pdf');
    expect(pub.status).toBe(200);
    if (has('pdfsig')) {
      const text = textOf(save('public.pdf', pub.body));
      expect(text).toContain('Nhân sự Tổ thư ký');
      expect(text).not.toContain('Mô tả nội dung 2');
    }
    expect((await minutes(f, absent!.cookie, 'GET', '/pdf')).status).toBe(403);

    // An edit after signing voids everything and recalls the filed copy.
    const voided = await minutes(f, f.manager.cookie, 'PUT', '', { summaryHtml: '<p>Sửa lại kết luận.</p>' });
    expect(voided.body).toMatchObject({
      status: 'draft',
      signatures: [],
      confirmations: [],
      documentId: null,
      hasPdf: false,
    });
    const [recalled] = await rows<{ status: string }>(
      sql`select status from documents where id = ${signed.body.documentId}`,
    );
    expect(recalled!.status).toBe('recalled');
    const audit = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_id = ${f.meetingId} and action = 'committees.minutes.voided'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('is signed by the stand-in when the chair was absent', async () => {
    const f = await heldMeeting({ present: 5, chairPresent: false });
    const [chair, vice] = f.members;
    expect((await minutes(f, chair!.cookie, 'POST', '/sign')).body.error.key).toBe('committees.not_signer');
    const signed = await minutes(f, vice!.cookie, 'POST', '/sign');
    expect(signed.body).toMatchObject({
      status: 'signed',
      signatures: [{ name: vice!.name, role: 'presiding' }],
    });
  });

  it('has a written resolution signed by the chair and every voter, filed with the last signature', async () => {
    const f = await committeeFixture(t, {
      members: 4,
      externals: 2,
      mode: 'written',
      deadline: new Date(Date.now() + 86400_000),
    });
    await inTransaction(systemCtx(t.db.database), (tx) => openWrittenPolls(tx, f.meetingId));
    const [poll] = await rows<{ id: string }>(
      sql`select p.id from polls p where p.item_id = ${f.itemIds[0]}`,
    );
    for (const m of f.members.slice(1, 4))
      await f.call(m.cookie, 'POST', `/api/polls/${poll!.id}/vote`, { choice: 'yes', reason: 'Đồng ý' });
    await f.call(f.manager.cookie, 'POST', `/api/meetings/${f.meetingId}/written/close`);
    for (const [i, m] of f.members.entries()) {
      const res = await minutes(f, m.cookie, 'POST', '/sign');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe(i === 3 ? 'signed' : 'circulated');
      expect(res.body.documentId === null).toBe(i < 3);
    }
    const pdf = await minutes(f, f.manager.cookie, 'GET', '/pdf');
    const file = save('written.pdf', pdf.body);
    const sigs = pdfsig(file);
    if (sigs !== MISSING) {
      expect(sigs.map((s) => s.field)).toEqual(['sign-1', 'sign-2', 'sign-3', 'sign-4']);
      expect(sigs.every((s) => s.valid)).toBe(true);
    }
    const check = qpdfCheck(file);
    if (check !== MISSING) expect(check.ok, check.output).toBe(true);
  });

  it('computes allowances for external members only, as JSON, CSV and XLSX', async () => {
    const from = new Date().toISOString().slice(0, 10);
    const f = await heldMeeting({ present: 4 });
    const url = `/api/committees/${f.committeeId}/allowances?from=${from}&to=${from}`;
    const lines = (await f.call(f.manager.cookie, 'GET', url)).body;
    // Members 0 and 1 are external and attended an in-person meeting with materials.
    expect(lines).toHaveLength(2);
    for (const l of lines)
      expect(l).toMatchObject({
        meetings: 1,
        attendance: 500_000,
        review: 300_000,
        travel: 200_000,
        total: 1_000_000,
      });
    expect((await f.call(f.members[0]!.cookie, 'GET', url)).status).toBe(403);
    const csv = await t.app.inject({
      method: 'GET',
      url: url.replace('allowances?', 'allowances.csv?'),
      headers: { cookie: f.manager.cookie, 'accept-language': 'vi' },
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const csvLines = csv.body.trim().split('\r\n');
    expect(csvLines[0]).toContain('Thù lao dự họp');
    expect(csvLines).toHaveLength(3);
    for (const m of f.members) expect(csv.body.includes(m.name)).toBe(m.external);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: url.replace('allowances?', 'allowances.xlsx?'),
      headers: { cookie: f.manager.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
