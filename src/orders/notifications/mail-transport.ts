import nodemailer from 'nodemailer';
import type { Logger } from '../../shared/logger';

export interface OutgoingMail {
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly orderId: number | null;
}

/** Where notifications go. A rejection means "not delivered, try again later". */
export interface MailTransport {
  readonly name: 'smtp' | 'log';
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

export const MAIL_FROM = '汽配商城 <orders@qipei.example>';

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(mail) {
      // A message without an address (the shopper left no e-mail) has nowhere to go by SMTP.
      if (!mail.to) return;
      await transporter.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transporter.close(),
  };
}

/**
 * Without SMTP_URL the message is only noted in the log. Never the body or the address: they hold
 * the shopper's name, phone and street, and orders stay out of the logs.
 */
export function logTransport(logger: Logger): MailTransport {
  return {
    name: 'log',
    async send(mail) {
      logger.info({ notification: mail.kind, orderId: mail.orderId, subject: mail.subject }, 'notification not sent (SMTP_URL unset)');
    },
  };
}
