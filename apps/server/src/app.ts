import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { modules } from './modules.ts';
import type { Database } from './platform/db/db.ts';
import { errorHandler, guardCrossSite } from './platform/http/error-handler.ts';
import type { App } from './platform/http/types.ts';
import { serveWeb } from './platform/http/web.ts';
import { localeFromHeader, registerMessages } from './platform/i18n/i18n.ts';
import { platformMessages } from './platform/i18n/platform.messages.ts';
import { createHub } from './platform/realtime/hub.ts';

export type BuildOptions = { config: Config; database: Database; logger?: boolean };

/** The one place where the application is wired; the server, the tests and the benchmarks all build it here. */
export async function buildApp({ config, database, logger = true }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    // Client addresses decide the remote-access MFA rule, so X-Forwarded-For is believed only from listed proxies.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const hub = createHub(database);
  const deps = { config, database, hub };
  app.decorateRequest('deps', null as never);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionStage', null);
  app.decorateRequest('locale', 'en');
  app.addHook('onRequest', async (req) => {
    req.deps = deps;
    req.locale = localeFromHeader(req.headers['accept-language']);
  });
  app.addHook('onRequest', guardCrossSite);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(websocket);
  await app.register(swagger, {
    openapi: {
      info: { title: 'CivicDesk API', version: '0.1.0', description: 'Smart-government workplace' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cd_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerMessages(platformMessages);
  for (const mod of modules) {
    if (mod.messages) registerMessages(mod.messages);
    await mod.register(app, deps);
  }
  await serveWeb(app, config.webDist);

  app.addHook('onReady', async () => hub.start());
  app.addHook('onClose', async () => hub.stop());
  return app;
}
