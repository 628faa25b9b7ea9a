import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFoundHandler } from './error-handler.ts';
import type { App } from './types.ts';

/**
 * Serves the built web client; a GET for an unknown non-API path gets index.html so client routes load.
 * This is also the one place the not-found handler is set.
 */
export async function serveWeb(app: App, dist: string): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn(`web client not built at ${dist}: run "npm run build"`);
    app.setNotFoundHandler(notFoundHandler);
    return;
  }
  await app.register(fastifyStatic, { root: dist, index: false, wildcard: true, maxAge: '1h' });
  const indexHtml = (_req: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  app.get('/', { schema: { hide: true } }, indexHtml);
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    // Client routes have no file extension; a missing asset or API path is a real 404.
    const clientRoute =
      req.method === 'GET' && !req.url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(req.url);
    return clientRoute ? indexHtml(req, reply) : notFoundHandler(req, reply);
  });
}
