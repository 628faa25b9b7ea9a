import type { Module } from '../../platform/http/types.ts';
import { orgMessages } from './org.messages.ts';
import { orgRoutes } from './org.routes.ts';

export const orgModule: Module = { name: 'org', messages: orgMessages, register: orgRoutes };
