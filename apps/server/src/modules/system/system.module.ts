import { z } from 'zod';
import type { Module } from '../../platform/http/types.ts';

export const systemModule: Module = {
  name: 'system',
  register(app, { database, config }) {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness and database reachability',
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.enum(['pglite', 'postgres']),
              demo: z.boolean(),
            }),
            503: z.object({ status: z.literal('unavailable') }),
          },
        },
      },
      async (_req, reply) => {
        try {
          await database.ping();
        } catch (err) {
          _req.log.error({ err }, 'health: database unreachable');
          return reply.status(503).send({ status: 'unavailable' as const });
        }
        return { status: 'ok' as const, database: database.kind, demo: config.demo };
      },
    );
  },
};
