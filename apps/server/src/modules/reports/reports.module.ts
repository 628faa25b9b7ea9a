import { inTransaction } from '../../platform/http/context.ts';
import type { Module } from '../../platform/http/types.ts';
import { requestlessCtx } from '../../platform/http/types.ts';
import { reportsMessages } from './reports.messages.ts';
import { reportsRoutes } from './reports.routes.ts';
import { sendReportReminders } from './use-cases/reminders.ts';

// Periodic reports: a parent agency's templates and schedules, subordinates' submissions, the synthesis.
export const reportsModule: Module = {
  name: 'reports',
  messages: reportsMessages,
  register(app, deps) {
    reportsRoutes(app, deps.config);
    const minutes = deps.config.reminderIntervalMinutes;
    if (minutes <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    const tick = () =>
      inTransaction(requestlessCtx(deps, app.log), (ctx) => sendReportReminders(ctx)).catch((err) =>
        app.log.error({ err }, 'report reminders failed'),
      );
    app.addHook('onReady', async () => {
      timer = setInterval(tick, minutes * 60_000);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  },
};
