import { ConfigError, loadConfig } from '../../src/config/config';

describe('config', () => {
  it('when nothing is set, then the embedded default is chosen', () => {
    const c = loadConfig({});
    expect(c.search.engine).toBe('embedded');
    expect(c.database.client).toBe('sqlite3');
    expect(c.port).toBe(3000);
  });

  it('when MEILI_URL is set, then meilisearch is the default engine', () => {
    expect(loadConfig({ MEILI_URL: 'http://127.0.0.1:7700' }).search.engine).toBe('meilisearch');
  });

  it('when SEARCH_ENGINE is unknown, then start-up fails listing the valid choices', () => {
    expect(() => loadConfig({ SEARCH_ENGINE: 'solr' })).toThrow(/SEARCH_ENGINE: .*embedded, meilisearch/);
  });

  it('when PORT is not a number, then the error names PORT', () => {
    try {
      loadConfig({ PORT: 'abc' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).lines[0]).toMatch(/^PORT: /);
    }
  });

  it('when SMTP_URL is set, empty or not a mail URL, then it is used, ignored or refused by name', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://user:pw@mail.example:587' }).smtpUrl).toBe('smtp://user:pw@mail.example:587');
    expect(loadConfig({ SMTP_URL: '' }).smtpUrl).toBeUndefined();
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/^SMTP_URL: /);
  });

  it('when production has no SESSION_SECRET, then start-up refuses', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
  });

  describe('scaled out (PostgreSQL)', () => {
    const PG = 'postgres://postgres@127.0.0.1:5432/test';

    it('when DATABASE_URL is postgres and MEILI_URL is missing, then start-up fails with one line naming MEILI_URL', () => {
      try {
        loadConfig({ DATABASE_URL: PG });
        throw new Error('expected a ConfigError');
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).lines).toHaveLength(1);
        expect((err as ConfigError).lines[0]).toMatch(/^MEILI_URL: required with DATABASE_URL=postgres/);
      }
    });

    it('when the embedded engine is asked for on postgres, then start-up refuses naming SEARCH_ENGINE', () => {
      expect(() => loadConfig({ DATABASE_URL: PG, MEILI_URL: 'http://127.0.0.1:7700', SEARCH_ENGINE: 'embedded' })).toThrow(/^SEARCH_ENGINE: /);
    });

    it('when postgres comes with MEILI_URL and DATABASE_SCHEMA, then both are in the config', () => {
      const c = loadConfig({ DATABASE_URL: PG, MEILI_URL: 'http://127.0.0.1:7700', DATABASE_SCHEMA: 'shop_a' });
      expect(c.database).toEqual({ client: 'pg', url: PG, schema: 'shop_a' });
      expect(c.search.engine).toBe('meilisearch');
    });

    it('when DATABASE_SCHEMA is not a plain schema name, then the error names it', () => {
      expect(() => loadConfig({ DATABASE_URL: PG, MEILI_URL: 'http://127.0.0.1:7700', DATABASE_SCHEMA: 'a"; drop' })).toThrow(/^DATABASE_SCHEMA: /);
    });

    it('when DATABASE_SCHEMA is set for SQLite, then start-up refuses instead of ignoring it', () => {
      expect(() => loadConfig({ DATABASE_SCHEMA: 'shop_a' })).toThrow(/^DATABASE_SCHEMA: only meaningful with DATABASE_URL=postgres/);
    });
  });
});
