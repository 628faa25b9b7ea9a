import type { Meeting } from '@civicdesk/contracts/committees';
import { committeesModule } from '@civicdesk/server/src/modules/committees/committees.module.ts';
import type { Locator } from 'playwright-core';
import type { Page } from './browser.ts';
import { type ApiSession, dismissToasts, type Lang, tr } from './journeys.ts';

// Building blocks of the committee journeys: the demo committees and meetings as the API lists them, the
// server's own wording of committee refusals, and the "are you sure?" dialog every meeting step asks through.

/** A refusal of the committees module as the server words it in one language, with its {params} filled. */
export function committeeMessage(lang: Lang, key: string, params: Record<string, string | number> = {}) {
  const template = committeesModule.messages?.[lang]?.[key];
  if (!template) throw new Error(`no committees message ${lang}:${key}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type CommitteeRow = { id: string; name: string; agencyName: string; myRole: string | null };

/** The committee with that name among those the session sees, and its meetings. */
export async function committeeNamed(api: ApiSession, name: string) {
  const list = await api.get<CommitteeRow[]>('/api/committees');
  const committee = list.body.find((c) => c.name === name);
  if (!committee) throw new Error(`committee ${name} not visible`);
  const meetings = await api.get<Meeting[]>(`/api/committees/${committee.id}/meetings`);
  if (meetings.status !== 200) throw new Error(`meetings of ${name}: ${meetings.status}`);
  return { committee, meetings: meetings.body };
}

/** The first meeting of that mode (the demo has one online, one written at UBND-LS). */
export function meetingOfMode(meetings: Meeting[], mode: Meeting['mode']): Meeting {
  const found = meetings.find((m) => m.mode === mode);
  if (!found) throw new Error(`no ${mode} meeting`);
  return found;
}

/**
 * Clicks a button that asks first (ConfirmButton) and confirms in its dialog, found by its title; waits for
 * the dialog to close (the step ran, whatever its answer: refusals show inline on the page).
 */
export async function confirmStep(
  page: Page,
  button: Locator,
  lang: Lang,
  titleKey: string,
  confirmKey: string,
  params: Record<string, string | number> = {},
) {
  await dismissToasts(page);
  await button.click();
  const dialog = page.getByRole('dialog', { name: tr(lang, titleKey, params) });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: tr(lang, confirmKey, params), exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });
}

/** An API refusal: status and the error key, e.g. { status: 409, key: 'committees.already_voted' }. */
export const refusal = (res: { status: number; body: unknown }) => ({
  status: res.status,
  key: (res.body as { error?: { key?: string } } | undefined)?.error?.key,
});
