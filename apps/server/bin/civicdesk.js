#!/usr/bin/env node
// `npx civicdesk …` — runs the TypeScript CLI through tsx (the server runs from source, no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
