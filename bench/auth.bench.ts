import { demoPassword, type LoadFigures, load, report, settings, signIn, startServer } from './lib.ts';

// Foundation, item 11: sign-in (argon2id, deliberately slow) and authenticated reads under concurrent load,
// against the real application seeded with the demo organisation.

const username = 'chuyenvien'; // a demo official: no second factor required, so one password step gives a full session

const server = await startServer();
console.log(
  `auth on ${server.db}: ${settings.connections} connections, ${settings.warmupSec} s warm-up + ${settings.durationSec} s measured per scenario`,
);
console.log(`server RSS after seeding: ${server.memory.rssAfterSeedMb} MB (embedded target < 300 MB)`);
try {
  const cookie = await signIn(server.url, username);
  const figures: Record<string, LoadFigures> = {};
  const run = async (label: string, opts: Parameters<typeof load>[0]) => {
    process.stdout.write(`  ${label} … `);
    figures[label] = await load(opts);
    console.log(`${figures[label].requestsPerSec} req/s`);
  };
  // reads first: sign-ins still queued when a run ends (≈ 1 s of argon2id each) would spill into the next one
  await run('GET /api/me', { url: `${server.url}/api/me`, headers: { cookie } });
  await run('GET /api/agencies', { url: `${server.url}/api/agencies`, headers: { cookie } });
  await run('POST /api/auth/login', {
    url: `${server.url}/api/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  report('auth', server.db, server.memory, figures);
} finally {
  await server.close();
}
