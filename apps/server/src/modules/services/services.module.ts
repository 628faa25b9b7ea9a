import type { Module } from '../../platform/http/types.ts';
import { createMailer } from '../../platform/mail.ts';
import { servicesMessages } from './services.messages.ts';
import { portalRoutes } from './services.portal.routes.ts';
import { serviceRoutes } from './services.routes.ts';

// Public services: the procedure catalogue and holiday calendars, the citizen portal (accounts, guests with
// tracking codes, drafts, submissions, answers, results), processing with working-day deadlines and signed
// results, and the once-only registry with consented, audited lookups.
export const servicesModule: Module = {
  name: 'services',
  messages: servicesMessages,
  register(app, deps) {
    const mailer = createMailer(deps.config.smtpUrl, deps.config.mailFrom);
    portalRoutes(app, deps.config, mailer);
    serviceRoutes(app, deps.config, mailer);
  },
};
