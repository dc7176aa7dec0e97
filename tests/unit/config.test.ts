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

  describe('proxies and the public origin', () => {
    const PROD = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://shop.example' };

    it('when production trusts every proxy hop (TRUST_PROXY=true), then start-up refuses with one line asking for a hop count or subnets', () => {
      try {
        loadConfig({ ...PROD, TRUST_PROXY: 'true' });
        throw new Error('expected a ConfigError');
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).lines).toHaveLength(1);
        expect((err as ConfigError).lines[0]).toMatch(/^TRUST_PROXY: .*hop count.*subnet/);
      }
    });

    it('when production names a hop count or a subnet list, then it is accepted as given', () => {
      expect(loadConfig({ ...PROD, TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ ...PROD, TRUST_PROXY: '10.0.0.0/8, 192.168.0.0/16' }).trustProxy).toBe('10.0.0.0/8, 192.168.0.0/16');
    });

    it('when TRUST_PROXY=true outside production, then it is allowed with a warning naming the variable', () => {
      const c = loadConfig({ TRUST_PROXY: 'true' });
      expect(c.trustProxy).toBe(true);
      expect(c.warnings).toEqual([expect.stringMatching(/^TRUST_PROXY: /)]);
      expect(loadConfig({}).warnings).toEqual([]);
    });

    it('when production has no PUBLIC_URL, then start-up refuses naming PUBLIC_URL', () => {
      const { PUBLIC_URL: _omitted, ...withoutUrl } = PROD;
      expect(() => loadConfig(withoutUrl)).toThrow(/^PUBLIC_URL: required in production/);
    });

    it('when PUBLIC_URL is not a bare http(s) origin, then the error names PUBLIC_URL', () => {
      for (const bad of ['shop.example', 'ftp://shop.example', 'https://shop.example/shop', 'https://shop.example?x=1', 'https://user:pw@shop.example']) {
        expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/^PUBLIC_URL: /);
      }
    });

    it('when PUBLIC_URL is given, then the config holds its origin; unset outside production, it is localhost on PORT', () => {
      expect(loadConfig({ PUBLIC_URL: 'https://Shop.Example/' }).publicUrl).toBe('https://shop.example');
      expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    });
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
