import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundHandler } from './error-handler.ts';
import type { App } from './types.ts';

/** Serves the built web client; a GET for an unknown non-API path gets index.html so client routes load. */
export async function serveWeb(app: App, dist: string): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn(`web client not built at ${dist}: run "npm run build"`);
    return;
  }
  await app.register(fastifyStatic, { root: dist, index: false, wildcard: true, maxAge: '1h' });
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' || req.url.startsWith('/api/')) return notFoundHandler(req, reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  });
}
