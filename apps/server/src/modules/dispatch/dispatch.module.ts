import { inTransaction } from '../../platform/http/context.ts';
import type { Module } from '../../platform/http/types.ts';
import { requestlessCtx } from '../../platform/http/types.ts';
import { createMailer } from '../../platform/mail.ts';
import { dispatchMessages } from './dispatch.messages.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { sendOverdueReminders } from './use-cases/reminders.ts';

// Issuance, dispatch and reception between agencies, directives' follow-up, registers and inbox counters.
export const dispatchModule: Module = {
  name: 'dispatch',
  messages: dispatchMessages,
  register(app, deps) {
    dispatchRoutes(app, deps.config);
    const minutes = deps.config.reminderIntervalMinutes;
    if (minutes <= 0) return;
    const mailer = createMailer(deps.config.smtpUrl, deps.config.mailFrom);
    let timer: NodeJS.Timeout | undefined;
    const tick = () =>
      inTransaction(requestlessCtx(deps, app.log), (ctx) => sendOverdueReminders(ctx, mailer)).catch((err) =>
        app.log.error({ err }, 'overdue reminders failed'),
      );
    app.addHook('onReady', async () => {
      timer = setInterval(tick, minutes * 60_000);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
};
