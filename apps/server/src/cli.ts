import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { systemCtx } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { verifyAuditLog } from './modules/audit/audit.service.ts';
import { createAdministrator } from './modules/identity/identity.service.ts';
import { ensureDefaultTiers } from './modules/org/org.service.ts';
import { openDatabase } from './platform/db/db.ts';
import { AppError } from './platform/http/errors.ts';
import { translate } from './platform/i18n/i18n.ts';
import { archiveCommand, verifyCommand } from './signatures-cli.ts';

// Operator commands. They open the same database as the server (DATA_DIR or DATABASE_URL); with embedded
// PGlite, stop the server first: one process at a time may open a PGlite data folder.
const usage = `Usage:
  civicdesk admin create --username NAME [--name "Display Name"] [--password PASSWORD]
  civicdesk audit verify
  civicdesk verify FILE.pdf
  civicdesk archive export --out DIR [--agency CODE] [--year YYYY]`;

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  const config = loadConfig();
  if (group === 'admin' && command === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    });
    if (!values.username) {
      console.error(usage);
      return 2;
    }
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await ensureDefaultTiers(database.db);
      const password = values.password ?? randomBytes(12).toString('base64url');
      await createAdministrator(systemCtx(database), {
        username: values.username,
        displayName: values.name ?? values.username,
        password,
      });
      console.log(
        `Administrator "${values.username}" created.${values.password ? '' : ` Initial password: ${password}`}`,
      );
      console.log('At first sign-in the administrator must set up two-factor authentication.');
      return 0;
    } catch (err) {
      const message = err instanceof AppError ? translate('en', err.key, err.params) : (err as Error).message;
      console.error(`Could not create the administrator: ${message}`);
      return 1;
    } finally {
      await database.close();
    }
  }
  if (group === 'audit' && command === 'verify') {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const report = await verifyAuditLog(database.db);
      if (report.ok) {
        console.log(`Audit log intact: ${report.entries} entries in ${report.chains} chains.`);
        return 0;
      }
      const b = report.firstBreak!;
      console.log(
        `Audit log BROKEN at chain ${b.chain}, entry ${b.seq}${b.id ? ` (row id ${b.id})` : ''}: ${b.reason}.`,
      );
      return 1;
    } finally {
      await database.close();
    }
  }
  if (group === 'verify' && command) return verifyCommand(config, command);
  if (group === 'archive' && command === 'export') return archiveCommand(config, rest);
  console.error(usage);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
