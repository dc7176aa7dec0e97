/**
 * Reads listing titles on stdin, one per line, and prints one JSON object per title:
 * {"title","vehicles":[{"make","model","yearFrom","yearTo"}],"position","universal"}.
 * Blank lines are skipped; a last line without a newline is still read.
 *   npm run --silent fitment:parse < titles.txt
 */
import { parseTitle } from '../fitment';

export function parseLine(title: string): string {
  const parsed = parseTitle(title);
  return JSON.stringify({
    title,
    vehicles: parsed.vehicles.map((v) => ({ make: v.make, model: v.model, yearFrom: v.yearFrom, yearTo: v.yearTo })),
    position: parsed.position,
    universal: parsed.universal,
  });
}

export function parseLines(input: string): string[] {
  return input
    .split(/\r?\n/)
    .map((line) => line.replace(/^\uFEFF/, '').trim())
    .filter((line) => line !== '')
    .map(parseLine);
}

async function main(): Promise<void> {
  process.stdin.setEncoding('utf8');
  let buffered = '';
  // Stream line by line so a large file never sits in memory whole.
  for await (const chunk of process.stdin) {
    buffered += chunk as string;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const out of parseLines(lines.join('\n'))) process.stdout.write(out + '\n');
  }
  for (const out of parseLines(buffered)) process.stdout.write(out + '\n');
}

if (require.main === module) {
  // `… | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  main().catch((err: unknown) => {
    process.stderr.write(`fitment-parse: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
