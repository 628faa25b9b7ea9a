import type { Module } from '../../platform/http/types.ts';
import type { Catalog } from '../../platform/i18n/i18n.ts';
import { committeesMessages } from './committees.messages.ts';
import { committeeRoutes } from './committees.routes.ts';
import { votesMessages } from './committees.votes.messages.ts';
import { startWrittenDeliberationJob, votesRoutes } from './committees.votes.routes.ts';

const merged: Catalog = {
  ko: { ...committeesMessages.ko, ...votesMessages.ko },
  vi: { ...committeesMessages.vi, ...votesMessages.vi },
  en: { ...committeesMessages.en, ...votesMessages.en },
};

// Deliberation committees: rule sets and members (with invited external experts and their pledge), meetings
// in person, online or written, agenda and materials, attendance and quorum, conflicts of interest, named and
// secret polls, minutes signed by the chair and filed as official documents, allowances.
export const committeesModule: Module = {
  name: 'committees',
  messages: merged,
  register(app, deps) {
    committeeRoutes(app, deps.config);
    votesRoutes(app, deps.config);
    startWrittenDeliberationJob(app, deps);
  },
};
