import fs from 'node:fs';
import path from 'node:path';

const MIGRATIONS = path.resolve(__dirname, '../../../migrations');

/** Every module specifier a file names: static imports, re-exports, dynamic import() and require(). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

describe('migration purity', () => {
  it('when a migration is read, then it imports nothing from the application (only packages such as knex)', () => {
    const files = fs.readdirSync(MIGRATIONS).filter((f) => /\.(ts|js)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((f) =>
      specifiers(fs.readFileSync(path.join(MIGRATIONS, f), 'utf8'))
        .filter((s) => s.startsWith('.') || s.startsWith('/'))
        .map((s) => `${f} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('when the specifier scanner sees the import forms, then it finds each of them', () => {
    const src = "import type { Knex } from 'knex';\nimport { A } from '../src/x';\nexport * from \"../src/y\";\nconst z = require('../src/z');\nawait import('../src/w');";
    expect(specifiers(src).sort()).toEqual(['../src/w', '../src/x', '../src/y', '../src/z', 'knex']);
  });
});
