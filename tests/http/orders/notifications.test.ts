import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { TestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { createAdminTestApp, login } from '../admin/admin-test-kit';
import { addToCart, checkoutForm, makeProduct, orderNumberOf, shopper, submitCheckout } from './orders-kit';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback; `down` makes it refuse connections, as an outage would. */
async function startSmtp() {
  const received: Received[] = [];
  const state = { down: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      callback(state.down ? new Error('mail service unavailable') : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Decodes a quoted-printable / base64 text body well enough to find the order details in it. */
function textOf(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n');
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createAdminTestApp({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const outbox = () => t.runtime.db('notification_outbox').orderBy('id');

async function placeOrder(extra: Record<string, string> = {}): Promise<string> {
  const agent = shopper(t);
  await addToCart(agent, { product: await makeProduct(t.runtime.db, 5), qty: 1 });
  return orderNumberOf(await submitCheckout(agent, await checkoutForm(agent), extra));
}

/** Drains until the outbox has nothing due (the background worker may be sending too). */
async function drained(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await t.runtime.orders.notifications.drain();
    const due = await t.runtime.db('notification_outbox').whereNull('sent_at').andWhere('next_attempt_at', '<=', Date.now() + 60_000).count({ n: '*' });
    if (Number(due[0].n) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('outbox did not drain');
}

describe(`order notifications through a loopback SMTP server (${testDialect()})`, () => {
  it('when an order is placed, then the shop gets an e-mail with the order through SMTP', async () => {
    const number = await placeOrder();
    await drained();
    const mail = smtp.received.find((m) => textOf(m.raw).includes(number));
    expect(mail).toBeDefined();
    expect(mail!.to).toEqual(['orders@qipei.example']);
    expect(textOf(mail!.raw)).toContain('13812345678');
  });

  it('when SMTP is down, then the message waits in the outbox and is delivered once SMTP is back', async () => {
    smtp.state.down = true;
    const number = await placeOrder();
    const report = await t.runtime.orders.notifications.drain();
    expect(report.failed).toBeGreaterThanOrEqual(1);
    const [row] = (await outbox()).filter((r) => r.subject.includes(number));
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(Number(row.next_attempt_at)).toBeGreaterThan(Date.now());
    expect(smtp.received.some((m) => textOf(m.raw).includes(number))).toBe(false);

    smtp.state.down = false;
    // The back-off has passed (moved forward here rather than waited for).
    await t.runtime.db('notification_outbox').where({ id: row.id }).update({ next_attempt_at: 0 });
    await drained();
    expect(smtp.received.filter((m) => textOf(m.raw).includes(number))).toHaveLength(1);
    expect((await outbox()).find((r) => r.id === row.id).sent_at).not.toBeNull();
  });

  it('when the desk ships an order, then the customer gets a message with the carrier and tracking number', async () => {
    const number = await placeOrder({ email: 'buyer@example.com' });
    const admin = await login(t);
    const res = await admin.agent.post(`/admin/orders/${number}/status`).set('X-Forwarded-For', admin.ip).type('form')
      .send({ _csrf: admin.csrf, to: 'shipped', carrier: '顺丰速运', tracking_no: 'SF9876543210' });
    expect(res.status).toBe(303);
    await drained();
    const mail = smtp.received.find((m) => m.to.includes('buyer@example.com'));
    expect(mail).toBeDefined();
    const text = textOf(mail!.raw);
    expect(text).toContain('SF9876543210');
    expect(text).toContain(number);
  });
});
