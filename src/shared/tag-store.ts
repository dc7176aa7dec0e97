import type { Knex } from 'knex';
import { slugify } from './slug';

/**
 * The one writer of tag rows, shared by the catalogue and the newsroom (tags are matched by name,
 * which is how articles and products meet). Safe under concurrent writers: the insert yields on a
 * slug conflict and the row is read back, so two transactions adding the same new tag both get it.
 */
export async function ensureTagId(trx: Knex | Knex.Transaction, name: string): Promise<number> {
  const existing = await trx('tags').where({ name }).orderBy('id').first('id');
  if (existing) return Number(existing.id);
  const base = slugify(name, 60);
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    await trx('tags').insert({ slug, name }).onConflict('slug').ignore();
    const row = await trx('tags').where({ slug }).first('id', 'name');
    if (row && row.name === name) return Number(row.id);
  }
  throw new Error(`no free slug for tag ${name}`);
}
