import { WebAuthnJson } from '@civicdesk/contracts/identity';
import { StepUp, StepUpPasskey, StepUpResult } from '@civicdesk/contracts/signatures';
import type { Config } from '../../config.ts';
import { type App, userCtx } from '../../platform/http/types.ts';
import { stepUp, stepUpPasskeyOptions, stepUpWithPasskey } from './use-cases/step-up.ts';

// Step-up re-authentication on the current session (before signing or voting), rate-limited like sign-in.
export function stepUpRoutes(app: App, config: Config) {
  const tags = ['auth'];
  const limit = { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } };
  app.post(
    '/api/auth/step-up',
    { config: limit, schema: { tags, body: StepUp, response: { 200: StepUpResult } } },
    async (req) => {
      const ctx = userCtx(req);
      return stepUp(ctx, config, ctx.actor, req.body);
    },
  );
  app.post(
    '/api/auth/step-up/passkey/options',
    { config: limit, schema: { tags, response: { 200: WebAuthnJson } } },
    async (req) => {
      const ctx = userCtx(req);
      return (await stepUpPasskeyOptions(ctx, config, ctx.actor)) as unknown as Record<string, unknown>;
    },
  );
  app.post(
    '/api/auth/step-up/passkey',
    { config: limit, schema: { tags, body: StepUpPasskey, response: { 200: StepUpResult } } },
    async (req) => {
      const ctx = userCtx(req);
      return stepUpWithPasskey(ctx, config, ctx.actor, req.body.response);
    },
  );
}
