import { approvalsModule } from './modules/approvals/approvals.module.ts';
import { auditModule } from './modules/audit/audit.module.ts';
import { committeesModule } from './modules/committees/committees.module.ts';
import { dashboardModule } from './modules/dashboard/dashboard.module.ts';
import { dispatchModule } from './modules/dispatch/dispatch.module.ts';
import { documentsModule } from './modules/documents/documents.module.ts';
import { filesModule } from './modules/files/files.module.ts';
import { identityModule } from './modules/identity/identity.module.ts';
import { meetingsModule } from './modules/meetings/meetings.module.ts';
import { notificationsModule } from './modules/notifications/notifications.module.ts';
import { orgModule } from './modules/org/org.module.ts';
import { reportsModule } from './modules/reports/reports.module.ts';
import { roomsModule } from './modules/rooms/rooms.module.ts';
import { servicesModule } from './modules/services/services.module.ts';
import { signaturesModule } from './modules/signatures/signatures.module.ts';
import { systemModule } from './modules/system/system.module.ts';
import type { Module } from './platform/http/types.ts';

// The system, in order: identity resolves the session for every later module.
export const modules: Module[] = [
  systemModule,
  identityModule,
  orgModule,
  auditModule,
  notificationsModule,
  filesModule,
  documentsModule,
  signaturesModule,
  approvalsModule,
  dispatchModule,
  committeesModule,
  roomsModule,
  meetingsModule,
  servicesModule,
  reportsModule,
  dashboardModule,
];
