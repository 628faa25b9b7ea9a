import type { Module } from '../../platform/http/types.ts';
import { documentsMessages } from './documents.messages.ts';
import { documentsRoutes } from './documents.routes.ts';

// Official documents: drafting, versions, attachments, search and the official PDF.
export const documentsModule: Module = {
  name: 'documents',
  messages: documentsMessages,
  register(app, { config }) {
    documentsRoutes(app, config);
  },
};
