import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { systemCtx } from './bootstrap.ts';
import type { Config } from './config.ts';
import { exportArchive } from './modules/signatures/use-cases/archive.ts';
import { verifyBytes } from './modules/signatures/use-cases/verify.ts';
import { openDatabase } from './platform/db/db.ts';

// `civicdesk verify FILE.pdf` prints each signature and exits 0 only when every one is intact and trusted and
// nothing changed after signing; `civicdesk archive export` writes the archive package (archive.ts).

async function withDatabase<T>(config: Config, fn: (ctx: ReturnType<typeof systemCtx>) => Promise<T>) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(systemCtx(database));
  } finally {
    await database.close();
  }
}

export async function verifyCommand(config: Config, file: string): Promise<number> {
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) {
    console.error(`Cannot read ${file}`);
    return 2;
  }
  const report = await withDatabase(config, (ctx) => verifyBytes(ctx, bytes));
  if (!report.isPdf) {
    console.log(`${file}: not a PDF`);
    return 1;
  }
  console.log(
    `${file}: ${report.signatures.length} signature(s), ${report.revisions} revision(s), sha256 ${report.sha256}`,
  );
  if (report.document)
    console.log(`Issued here: ${report.document.numberText ?? ''} (${report.document.agencyName})`);
  for (const [i, s] of report.signatures.entries()) {
    const who = [s.signer.commonName, s.signer.title, s.signer.organisation].filter(Boolean).join(', ');
    const when = s.timestamp?.time ?? s.claimedTime ?? 'unknown time';
    const verdict = s.intact && s.trusted && !s.revoked && !s.modifiedAfter ? 'VALID' : 'NOT VALID';
    console.log(
      `#${i + 1} ${verdict}: ${who} at ${when}${s.problems.length ? ` (${s.problems.join(', ')})` : ''}`,
    );
  }
  const ok =
    report.signatures.length > 0 &&
    !report.altered &&
    report.signatures.every((s) => s.intact && s.trusted && !s.revoked);
  console.log(
    ok
      ? 'Document is signed and unaltered.'
      : report.altered
        ? 'Document was ALTERED.'
        : 'Document is NOT validly signed.',
  );
  return ok ? 0 : 1;
}

export async function archiveCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, agency: { type: 'string' }, year: { type: 'string' } },
  });
  const year = values.year ? Number(values.year) : undefined;
  if (!values.out || (year !== undefined && !Number.isInteger(year))) {
    console.error('Usage: civicdesk archive export --out DIR [--agency CODE] [--year YYYY]');
    return 2;
  }
  const { documents } = await withDatabase(config, (ctx) =>
    exportArchive(ctx, config, { out: values.out!, agencyCode: values.agency, year }),
  );
  console.log(`Exported ${documents} issued document(s) to ${values.out}`);
  return 0;
}
