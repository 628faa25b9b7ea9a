import type { Module } from '../../platform/http/types.ts';
import { filesMessages } from './files.messages.ts';

// No routes of its own: documents and services attach files through files.service.ts.
export const filesModule: Module = { name: 'files', messages: filesMessages, register: () => {} };
