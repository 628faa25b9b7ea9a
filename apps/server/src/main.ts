import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { loadConfig } from './config.ts';

// Entry: configuration → database (migrations run on open) → defaults and demo data → HTTP server.
const config = loadConfig();
const { database, demoAccounts } = await bootstrap(config);
const app = await buildApp({ config, database });
await app.listen({ port: config.port, host: config.host });

if (demoAccounts.length) {
  console.log('\nCivicDesk demo data created. Demo accounts (password: civicdesk-demo):');
  for (const a of demoAccounts)
    console.log(`  ${a.username.padEnd(16)} ${a.role.padEnd(30)} ${a.agency.padEnd(10)} ${a.name}`);
}
console.log(
  `\nCivicDesk is running at ${config.publicUrl} (${database.kind}${config.demo ? ', demo mode' : ''})\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
