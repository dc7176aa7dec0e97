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

  it('when production has no SESSION_SECRET, then start-up refuses', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
  });
});
