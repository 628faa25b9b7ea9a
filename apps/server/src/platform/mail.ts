import nodemailer from 'nodemailer';

// Outgoing e-mail through the agency's SMTP relay (SMTP_URL, e.g. smtp://relay.agency.gov:25). Without it,
// notifications stay in-app only.
export type Mailer = { send(message: { to: string; subject: string; text: string }): Promise<void> };

export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
