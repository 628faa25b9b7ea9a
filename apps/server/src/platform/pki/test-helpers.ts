// Shared by the pki tests only: a temp directory and the openssl / token CLIs as independent oracles.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Workdir = {
  dir: string;
  path(name: string): string;
  write(name: string, data: Buffer | string): string;
  cleanup(): void;
};

export function workdir(prefix: string): Workdir {
  const dir = mkdtempSync(join(tmpdir(), `civicdesk-${prefix}-`));
  return {
    dir,
    path: (name) => join(dir, name),
    write(name, data) {
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a CLI and returns stdout+stderr; throws with both when it exits non-zero. */
export function run(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...env } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export function certPem(der: Buffer): string {
  const body = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body.replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}
