import type { Knex } from 'knex';
import type { OutgoingMail } from './mail-transport';

/** Written in the order's own transaction: the message exists exactly when the order (or shipment) does. */
export async function enqueueMail(trx: Knex.Transaction, mail: OutgoingMail, now: number): Promise<void> {
  await trx('notification_outbox').insert({
    kind: mail.kind, recipient: mail.to, subject: mail.subject, body: mail.text, order_id: mail.orderId,
    attempts: 0, next_attempt_at: 0, sent_at: null, created_at: now,
  });
}
