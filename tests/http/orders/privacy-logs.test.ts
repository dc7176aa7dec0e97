import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { bootstrap, type Runtime } from '../../../src/app/bootstrap';
import { createApp } from '../../../src/app/create-app';
import { loadConfig } from '../../../src/config/config';
import { orderSignature } from '../../../src/orders';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { testDialect } from '../../helpers/test-db';
import { addToCart, checkoutForm, makeProduct, orderNumberOf, submitCheckout, tokenOf } from './orders-kit';

const PHONE = '13755501234';
const STREET = '隐私测试路 77 号';
const NAME = '王隐私';

let t: TestApp;
let logged: Runtime;
let logFile: string;
beforeAll(async () => {
  t = await createTestApp();
  // Only the logging runtime's worker may pick up the notification this test looks for.
  await t.runtime.orders.notifications.stop();
  logFile = path.join(t.dataDir, 'app.log');
  // A second runtime on the same database whose logger writes to a file at the production level.
  const logger = pino({ level: 'info', base: { app: 'qipei' }, redact: { paths: ['req.headers.cookie'], remove: true } }, pino.destination({ dest: logFile, sync: true }));
  logged = await bootstrap(loadConfig({ ...t.env, LOG_LEVEL: 'info' }), { logger, seed: false });
});
afterAll(async () => {
  await logged.close();
  await t.close();
});

describe(`orders stay out of the logs (${testDialect()})`, () => {
  it('when a shopper checks out, looks the order up and the notification is logged, then the log has no phone, name, address or link signature', async () => {
    const app = createApp(logged);
    const agent = request.agent(app);
    await addToCart(agent, { product: await makeProduct(logged.db, 5), qty: 1 });
    const placed = await submitCheckout(agent, await checkoutForm(agent), { phone: PHONE, address: STREET, name: NAME, note: `请打电话 ${PHONE}` });
    const number = orderNumberOf(placed);
    await agent.get(String(placed.headers.location)).expect(200);
    const csrf = await tokenOf(agent, '/orders');
    await agent.post('/orders/lookup').type('form').send({ _csrf: csrf, number, phone4: PHONE.slice(-4) }).expect(303);
    // Without SMTP_URL the shop's e-mail is "sent" to the log.
    await logged.orders.notifications.drain();

    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toContain('"url":"/checkout"'); // requests were logged…
    expect(log).toContain('notification not sent (SMTP_URL unset)'); // …and so was the notification
    for (const secret of [PHONE, PHONE.slice(-4) + '"', STREET, NAME, orderSignature(logged.config.sessionSecret, number)]) {
      expect(log).not.toContain(secret);
    }
  });

  it('when orders exist, then neither search engine nor the page cache ever holds them', async () => {
    const [{ n }] = await logged.db('orders').count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(0);
    const res = await request(createApp(logged)).get('/api/search').query({ q: PHONE }).expect(200);
    expect(res.body.totalHits).toBe(0);
    const order = await logged.db('orders').first('number');
    const search = await request(createApp(logged)).get('/api/search').query({ q: order.number }).expect(200);
    expect(search.body.totalHits).toBe(0);
    // A change no content version knows about shows at once: the page was rendered, not cached.
    const app = createApp(logged);
    const link = `/orders/${order.number}?sig=${orderSignature(logged.config.sessionSecret, order.number)}`;
    const first = await request(app).get(link).expect(200);
    expect(first.headers['cache-control']).toBe('no-store');
    await logged.db('orders').where({ number: order.number }).update({ status: 'paid' });
    expect((await request(app).get(link).expect(200)).text).toContain('data-status="paid"');
  });
});
