import type { Module } from '../../platform/http/types.ts';
import { signaturesMessages } from './signatures.messages.ts';
import { signaturesRoutes } from './signatures.routes.ts';

// Digital signatures: the platform CA and certificates (PKCS#12, PKCS#11), signature and seal images, PAdES
// signing of issued documents, public verification, and the signed-share KPI.
export const signaturesModule: Module = {
  name: 'signatures',
  messages: signaturesMessages,
  register(app, { config }) {
    signaturesRoutes(app, config);
  },
};
