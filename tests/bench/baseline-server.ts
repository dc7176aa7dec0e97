/**
 * The yardstick: a bare Express server. `/` is hello-world; `/like?q=` is the naive search
 * (a LIKE scan over the same SQLite file) that the search engine is measured against.
 */
import express from 'express';
import knexFactory from 'knex';

const port = Number(process.env.PORT ?? 0);
const file = process.env.BENCH_DB;
const app = express();
app.disable('x-powered-by');
app.get('/', (_req, res) => {
  res.send('hello world');
});
if (file) {
  const db = knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  app.get('/like', async (req, res) => {
    const q = String(req.query.q ?? '');
    const rows = await db('products')
      .where('status', 'published')
      .andWhere((w) => w.where('title', 'like', `%${q}%`).orWhere('name_en', 'like', `%${q}%`).orWhere('description', 'like', `%${q}%`))
      .select('id', 'slug', 'title', 'price_fen')
      .orderBy('created_at', 'desc')
      .limit(20);
    res.json({ hits: rows });
  });
}
const server = app.listen(port, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`LISTENING ${typeof addr === 'object' && addr ? addr.port : port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
