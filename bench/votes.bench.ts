import { committeeFixture } from '@civicdesk/server/test/committee-votes.ts';
import type { TestApp } from '@civicdesk/server/test/test-app.ts';
import { type LoadFigures, percentile, report, startServer } from './lib.ts';

// Committee votes (issue 5): a 1,000-member body, all present, one named poll open; each member casts one
// ballot over HTTP as fast as the server takes them (BENCH_VOTE_CONCURRENCY requests in flight, default 100),
// with the chair's realtime channel attached so every accepted ballot also pushes live counts. Then the same
// for a secret poll (BENCH_SECRET_MEMBERS members, default 200: each secret ballot rewrites the poll's ballots in
// random order, so its cost grows with the body — committees are 7–60 people). Prints ballots/s and latency.

const concurrency = Number(process.env.BENCH_VOTE_CONCURRENCY) || 100;
const secretMembers = Number(process.env.BENCH_SECRET_MEMBERS) || 200;

const server = await startServer();
try {
  const t = { app: server.app, db: { database: server.database } } as unknown as TestApp;

  async function castAll(members: number, secret: boolean) {
    const f = await committeeFixture(t, {
      members,
      externals: Math.floor(members / 3),
      items: [{ kind: 'resolution', secret }],
    });
    const pushes: unknown[] = [];
    const ws = await server.app.injectWS(
      '/api/realtime',
      { headers: { cookie: f.members[0]!.cookie } },
      {
        onInit: (socket) =>
          socket.on('message', (data: Buffer) => {
            const m = JSON.parse(data.toString()) as { type: string };
            if (m.type === 'committees.poll') pushes.push(m);
          }),
      },
    );
    const opened = await fetch(`${server.url}/api/meetings/${f.meetingId}/items/${f.itemIds[0]}/polls`, {
      method: 'POST',
      headers: { cookie: f.manager.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    const poll = (await opened.json()) as { id: string };
    const choices = ['yes', 'no', 'abstain'];
    const latencies: number[] = [];
    let next = 0;
    let non2xx = 0;
    let errors = 0;
    const started = performance.now();
    const lane = async () => {
      while (next < f.members.length) {
        const i = next++;
        const t0 = performance.now();
        try {
          const res = await fetch(`${server.url}/api/polls/${poll.id}/vote`, {
            method: 'POST',
            headers: { cookie: f.members[i]!.cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ choice: choices[i % 3] }),
          });
          await res.arrayBuffer();
          if (res.status !== 200) non2xx++;
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    const seconds = (performance.now() - started) / 1000;
    const closed = await fetch(`${server.url}/api/polls/${poll.id}/close`, {
      method: 'POST',
      headers: { cookie: f.manager.cookie },
    });
    const { tally } = (await closed.json()) as { tally: { voted: number; eligible: number } };
    // pg_notify is delivered after commit: give the last pushes a moment.
    await new Promise((r) => setTimeout(r, 500));
    ws.terminate();
    latencies.sort((a, b) => a - b);
    const figures: LoadFigures = {
      requestsPerSec: Math.round((latencies.length / seconds) * 10) / 10,
      latencyP50: percentile(latencies, 50),
      latencyP99: percentile(latencies, 99),
      requests: latencies.length,
      errors,
      timeouts: 0,
      non2xx,
    };
    const line = `${secret ? 'secret' : 'named'}: ${members} ballots in ${seconds.toFixed(2)} s = ${figures.requestsPerSec} ballots/s, p50 ${figures.latencyP50} ms, p95 ${percentile(latencies, 95)} ms, p99 ${figures.latencyP99} ms; counted ${tally.voted}/${tally.eligible}; ${pushes.length} live pushes to the chair`;
    console.log(line);
    if (tally.voted !== members || non2xx || errors) throw new Error(`ballots lost: ${line}`);
    return { figures, seconds, pushes: pushes.length, p95: percentile(latencies, 95) };
  }

  console.log(`votes on ${server.db}: ${concurrency} requests in flight`);
  const named = await castAll(1000, false);
  const secret = await castAll(secretMembers, true);
  report(
    'votes',
    server.db,
    server.memory,
    {
      'POST /api/polls/:id/vote (named, 1,000 members, live pushes on)': named.figures,
      [`POST /api/polls/:id/vote (secret, ${secretMembers} members, live pushes on)`]: secret.figures,
    },
    {
      concurrency,
      named: { seconds: named.seconds, p95: named.p95, pushes: named.pushes },
      secret: { members: secretMembers, seconds: secret.seconds, p95: secret.p95, pushes: secret.pushes },
    },
  );
} finally {
  await server.close();
}
