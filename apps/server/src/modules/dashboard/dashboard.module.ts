import type { Module } from '../../platform/http/types.ts';
import { dashboardMessages } from './dashboard.messages.ts';
import { dashboardRoutes } from './dashboard.routes.ts';

// The management dashboard: KPIs per agency and period, rolled up the tree, with drill-down and exports.
export const dashboardModule: Module = {
  name: 'dashboard',
  messages: dashboardMessages,
  register(app) {
    dashboardRoutes(app);
  },
};
