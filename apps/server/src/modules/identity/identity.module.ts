import type { Module } from '../../platform/http/types.ts';
import { identityMessages } from './identity.messages.ts';
import { peopleRoutes } from './identity.people.routes.ts';
import { identityRoutes } from './identity.routes.ts';
import { stepUpRoutes } from './identity.step-up.routes.ts';
import { resolveSession } from './use-cases/sessions.ts';

// Accounts, sign-in (password, TOTP, passkeys), sessions, and the people directory of each agency.
export const identityModule: Module = {
  name: 'identity',
  messages: identityMessages,
  register(app, { config }) {
    app.addHook('onRequest', resolveSession);
    identityRoutes(app, config);
    stepUpRoutes(app, config);
    peopleRoutes(app);
  },
};
