import type { Knex } from 'knex';
import type { Logger } from '../../shared/logger';
import type { MailTransport } from './mail-transport';

export interface NotificationWorkerOptions {
  readonly batchSize: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly idleMs: number;
  /** How long a claimed message is hidden from other instances while it is being sent. */
  readonly claimMs: number;
}

export const DEFAULT_NOTIFICATION_OPTIONS: NotificationWorkerOptions = {
  batchSize: 20, retryBaseMs: 5_000, retryMaxMs: 30 * 60_000, idleMs: 2_000, claimMs: 60_000,
};

interface OutboxRow {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  order_id: number | null;
  attempts: number;
  next_attempt_at: number | string;
}

export interface NotificationDrain {
  readonly sent: number;
  readonly failed: number;
}

/**
 * Sends the notification outbox. A message is claimed by moving its next attempt forward with a
 * conditional update (one instance wins), sent, then marked sent; a failure backs off
 * exponentially and is retried forever at the longest interval, so an SMTP outage loses nothing.
 */
export function createNotificationWorker(db: Knex, transport: MailTransport, logger: Logger, opts: Partial<NotificationWorkerOptions> = {}, now: () => number = Date.now) {
  const o = { ...DEFAULT_NOTIFICATION_OPTIONS, ...opts };
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let inFlight: Promise<NotificationDrain> | null = null;

  async function claim(row: OutboxRow, t: number): Promise<boolean> {
    const n = await db('notification_outbox')
      .where({ id: row.id, next_attempt_at: row.next_attempt_at })
      .whereNull('sent_at')
      .update({ next_attempt_at: t + o.claimMs });
    return n === 1;
  }

  async function drainOnce(): Promise<NotificationDrain> {
    const t = now();
    const rows: OutboxRow[] = await db('notification_outbox').whereNull('sent_at').andWhere('next_attempt_at', '<=', t).orderBy('id').limit(o.batchSize);
    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      if (!(await claim(row, t))) continue;
      try {
        await transport.send({ kind: row.kind, to: row.recipient, subject: row.subject, text: row.body, orderId: row.order_id });
        await db('notification_outbox').where({ id: row.id }).update({ sent_at: now(), attempts: row.attempts + 1, last_error: null });
        sent++;
      } catch (err) {
        const attempts = row.attempts + 1;
        const delay = Math.min(o.retryBaseMs * 2 ** Math.min(attempts - 1, 20), o.retryMaxMs);
        const message = err instanceof Error ? err.message : String(err);
        await db('notification_outbox').where({ id: row.id }).update({ attempts, next_attempt_at: now() + delay, last_error: message.slice(0, 500) });
        logger.warn({ notificationId: row.id, attempts, retryInMs: delay, err: message }, 'notification not delivered; will retry');
        failed++;
      }
    }
    return { sent, failed };
  }

  /** One pass over what is due; concurrent callers share it. */
  function drain(): Promise<NotificationDrain> {
    inFlight ??= drainOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function schedule(ms: number) {
    if (!running) return;
    timer = setTimeout(() => {
      drain()
        .then((r) => schedule(r.sent + r.failed >= o.batchSize ? 0 : o.idleMs))
        .catch((err: unknown) => {
          logger.error({ err }, 'notification worker pass failed');
          schedule(o.idleMs * 5);
        });
    }, ms);
    timer.unref();
  }

  return {
    transport: transport.name,
    drain,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight?.catch(() => undefined);
      transport.close?.();
    },
  };
}

export type NotificationWorker = ReturnType<typeof createNotificationWorker>;
