import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const VNU_JAR = path.resolve(__dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');

export interface NuMessage {
  type: string;
  subType?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  url?: string;
}

/**
 * Runs the Nu HTML Checker (system Java) once over several documents; returns the errors per
 * document name. One JVM start for all pages keeps this to a few seconds.
 */
export async function nuCheck(docs: { name: string; html: string }[]): Promise<Map<string, NuMessage[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qipei-vnu-'));
  try {
    const files = docs.map((d) => {
      const file = path.join(dir, `${d.name}.html`);
      fs.writeFileSync(file, d.html);
      return file;
    });
    // vnu exits 1 when it finds errors and writes its JSON report to stderr either way.
    const { stderr } = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (err: { stderr?: string; code?: number }) => {
        if (typeof err.stderr === 'string' && err.stderr.trim().startsWith('{')) return { stderr: err.stderr };
        throw err;
      },
    );
    const report = JSON.parse(stderr) as { messages: NuMessage[] };
    const byDoc = new Map<string, NuMessage[]>(docs.map((d) => [d.name, []]));
    for (const m of report.messages) {
      const name = m.url ? path.basename(decodeURIComponent(new URL(m.url).pathname), '.html') : '(unknown)';
      if (!byDoc.has(name)) byDoc.set(name, []);
      byDoc.get(name)!.push(m);
    }
    return byDoc;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
