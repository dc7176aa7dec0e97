import type { ImportReport } from './importer';

/** The report as plain text lines, for the CLI (the admin page renders the same data). */
export function reportLines(r: ImportReport, limit = 200): string[] {
  const lines: string[] = [];
  lines.push(`${r.dryRun ? 'dry run (nothing written): ' : ''}${r.rows} rows (${r.format}${r.encoding && r.format === 'csv' ? `, ${r.encoding}` : ''})`);
  lines.push(`created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, failed ${r.failed}`);
  if (r.unknownColumns.length) lines.push(`unknown columns (ignored): ${r.unknownColumns.join(', ')}`);
  if (r.orphansRemoved) lines.push(`removed ${r.orphansRemoved} media files left by an interrupted import`);
  for (const f of r.failures.slice(0, limit)) {
    lines.push(`line ${f.line}${f.sku ? ` (${f.sku})` : ''}: ${f.errors.map((e) => `${e.message} [${e.code}]`).join('; ')}`);
  }
  if (r.failed > limit) lines.push(`… and ${r.failed - limit} more failed rows`);
  return lines;
}
