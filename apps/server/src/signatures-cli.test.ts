import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { has, pdfsig, qpdfCheck } from '../test/pdf-tools.ts';
import { bootstrap } from './bootstrap.ts';
import { loadConfig } from './config.ts';

// The operator commands on the demo data, with the server stopped: the archive export writes every issued
// document as its signed PDF with metadata beside it, and `civicdesk verify` checks a file from it.

const run = promisify(execFile);

describe('civicdesk archive export and verify (CLI)', () => {
  it('exports the demo archive, whose PDFs validate in pdfsig and qpdf, and verifies one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'civicdesk-archive-'));
    const out = path.join(dataDir, 'archive');
    const { DATABASE_URL: _embeddedOnly, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir, CIVICDESK_DEMO: '1', LOG_LEVEL: 'silent' };
    const { database } = await bootstrap(loadConfig(env));
    await database.close();

    const cli = path.resolve(import.meta.dirname, '../bin/civicdesk.js');
    const exported = await run(process.execPath, [cli, 'archive', 'export', '--out', out], { env });
    const count = Number(/Exported (\d+)/.exec(exported.stdout)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);

    const pdfs = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(count);
    for (const rel of pdfs) {
      const file = path.join(out, rel);
      const meta = JSON.parse(readFileSync(file.replace(/\.pdf$/, '.json'), 'utf8'));
      expect(meta).toMatchObject({ file: path.basename(file), numberText: expect.any(String) });
      expect(meta.signers.map((s: { role: string }) => s.role)).toContain('approver');
      if (has('pdfsig')) {
        const sigs = pdfsig(file) as { valid: boolean }[];
        expect(sigs.length).toBe(meta.signers.length);
        expect(sigs.every((s) => s.valid)).toBe(true);
      }
      if (has('qpdf')) expect(qpdfCheck(file)).toMatchObject({ ok: true });
    }

    const first = path.join(out, pdfs[0]!);
    const verified = await run(process.execPath, [cli, 'verify', first], { env });
    expect(verified.stdout).toMatch(/Document is signed and unaltered\./);
    const bytes = readFileSync(first);
    const at = bytes.indexOf('/Type /Page') + 2;
    bytes[at] = bytes[at] === 0x79 ? 0x78 : 0x79;
    const altered = path.join(dataDir, 'altered.pdf');
    writeFileSync(altered, bytes);
    const refused = await run(process.execPath, [cli, 'verify', altered], { env }).catch(
      (e) => e as { code: number; stdout: string },
    );
    expect((refused as { code: number }).code).toBe(1);
    expect(refused.stdout).toMatch(/ALTERED/);
  }, 240_000); // the demo seed signs documents, then two CLI processes each open PGlite
});
