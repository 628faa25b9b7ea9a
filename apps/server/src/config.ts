import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { JanusSettings } from './platform/janus/gateway.ts';

// The only reader of process.env. Every setting is validated here, with a message naming the variable.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(path.join(process.cwd(), 'data')),
  DATABASE_URL: z.string().url().optional(),
  CIVICDESK_DEMO: z.enum(['0', '1']).optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CIVICDESK_SECRET: z.string().min(32).optional(),
  TRUSTED_NETWORKS: z.string().default('127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16'),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  TRUST_PROXY: z.string().default(''),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('CivicDesk <no-reply@civicdesk.local>'),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().min(0).default(15),
  MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  TSA_URL: z.string().url().optional(),
  PKCS11_MODULES: z.string().default('/usr/lib/softhsm/libsofthsm2.so'),
  STEP_UP_MINUTES: z.coerce.number().positive().max(60).default(5),
  LLM_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(20),
  JANUS: z.enum(['auto', 'off']).default('auto'),
  JANUS_URL: z.string().optional(),
  JANUS_API_SECRET: z.string().optional(),
  JANUS_ADMIN_KEY: z.string().optional(),
  JANUS_BIN: z.string().default('janus'),
  JANUS_HOST: z.string().default('127.0.0.1'),
  JANUS_ICE_INTERFACES: z.string().optional(),
  JANUS_PUBLIC_IP: z.string().optional(),
  JANUS_RTP_PORTS: z
    .string()
    .regex(/^\d+-\d+$/)
    .default('20000-40000'),
  JANUS_RELAY_PORTS: z
    .string()
    .regex(/^\d+-\d+$/)
    .default('40000-41000'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  publicUrl: string;
  logLevel: string;
  secret: Buffer;
  trustedNetworks: string[];
  sessionHours: number;
  /** Sign-in attempts per minute per client address. */
  loginRateLimit: number;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (empty: none). */
  trustProxy: string[];
  smtpUrl?: string;
  mailFrom: string;
  /** How often overdue directive tasks are checked for reminders; 0 turns the job off. */
  reminderIntervalMinutes: number;
  maxUploadBytes: number;
  webDist: string;
  cookieSecure: boolean;
  /** RFC 3161 timestamp authority: signatures become PAdES B-T when set. */
  tsaUrl?: string;
  /** PKCS#11 libraries an agency admin may bind signing keys to (tokens, HSMs). */
  pkcs11Modules: string[];
  /** How long a step-up re-authentication lets the session sign. */
  stepUpMinutes: number;
  /** OpenAI-compatible endpoint for abstractive report summaries; without it only the extractive one. */
  llm?: { url: string; apiKey?: string; model: string; timeoutMs: number };
  /** The media server: a supervised `janus` child (auto), external instances (JANUS_URL), or none. */
  janus: Omit<JanusSettings, 'dataDir'>;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demo = e.CIVICDESK_DEMO ? e.CIVICDESK_DEMO === '1' : e.NODE_ENV !== 'production';
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    secret: e.CIVICDESK_SECRET
      ? Buffer.from(e.CIVICDESK_SECRET)
      : loadOrCreateSecret(path.resolve(e.DATA_DIR)),
    trustedNetworks: e.TRUSTED_NETWORKS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sessionHours: e.SESSION_HOURS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    trustProxy: e.TRUST_PROXY.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    webDist: e.WEB_DIST,
    cookieSecure: publicUrl.startsWith('https://'),
    tsaUrl: e.TSA_URL,
    pkcs11Modules: e.PKCS11_MODULES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    stepUpMinutes: e.STEP_UP_MINUTES,
    llm: e.LLM_URL
      ? { url: e.LLM_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL, timeoutMs: e.LLM_TIMEOUT_SECONDS * 1000 }
      : undefined,
    janus: {
      mode: e.JANUS_URL ? 'external' : e.JANUS,
      urls: (e.JANUS_URL ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      apiSecret: e.JANUS_API_SECRET,
      adminKey: e.JANUS_ADMIN_KEY,
      bin: e.JANUS_BIN,
      host: e.JANUS_HOST,
      iceInterfaces: e.JANUS_ICE_INTERFACES,
      publicIp: e.JANUS_PUBLIC_IP,
      rtpPortRange: e.JANUS_RTP_PORTS,
      streamingPortRange: e.JANUS_RELAY_PORTS,
    },
  };
}

// Without CIVICDESK_SECRET the server keeps a random key in the data folder (never in the repository).
function loadOrCreateSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
