import type { Ctx } from '../../../platform/http/context.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { notify } from '../../notifications/notifications.service.ts';
import type { SubmissionRow } from './view.ts';

// The applicant hears of every turn: in the portal (citizens) and by e-mail (anyone who gave an address).
// The e-mail goes after the transaction commits, so a rolled-back decision never announces itself.

export type ApplicantNews = {
  kind: 'info_requested' | 'approved' | 'refused';
  procedure: string;
  message?: string;
};

export async function notifyApplicantInApp(tx: Ctx, row: SubmissionRow, news: ApplicantNews) {
  if (!row.citizenId) return;
  await notify(tx, {
    userId: row.citizenId,
    kind: `services.${news.kind}`,
    params: { procedure: news.procedure },
    link: `/portal/submissions/${row.id}`,
  });
}

export async function mailApplicant(
  ctx: Ctx,
  mailer: Mailer | null,
  row: SubmissionRow,
  news: ApplicantNews,
) {
  if (!mailer || !row.applicantEmail) return;
  const params = { name: row.applicantName, procedure: news.procedure, message: news.message ?? '' };
  await mailer
    .send({
      to: row.applicantEmail,
      subject: translate(ctx.locale, `mail.services_${news.kind}.subject`, params),
      text: translate(ctx.locale, `mail.services_${news.kind}.body`, params),
    })
    .catch((err) => ctx.log.warn({ err }, 'services: applicant e-mail failed'));
}
