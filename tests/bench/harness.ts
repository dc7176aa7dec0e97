import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface StartOptions {
  /** Polled on /healthz until it answers; otherwise the process must print `LISTENING <port>`. */
  port?: number;
  /**
   * stdout and stderr go to this file, as in production. A pipe read by the bench would measure the
   * bench instead: the child blocks on a full pipe while the bench's event loop runs autocannon.
   */
  logFile?: string;
  /** Extra node flags (e.g. from the production start command). */
  nodeArgs?: string[];
}

/** Starts a node process and resolves once it prints `LISTENING <port>` or answers on /healthz. */
export async function startProcess(script: string, env: Record<string, string>, portOrOpts: number | StartOptions = {}): Promise<{ child: ChildProcess; port: number; stop(): Promise<void> }> {
  const opts = typeof portOrOpts === 'number' ? { port: portOrOpts } : portOrOpts;
  const { port, logFile } = opts;
  const out = logFile ? fs.openSync(logFile, 'a') : 'pipe';
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), script], { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);
  // Only the tail is kept for error messages; the whole output is never accumulated.
  let tail = '';
  const remember = (c: Buffer) => (tail = (tail + c.toString()).slice(-4000));
  const logTail = () => (logFile ? readTail(logFile) : tail);
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${logTail()}`)), 120_000);
    if (child.stdout) {
      const onData = (chunk: Buffer) => {
        remember(chunk);
        const m = /LISTENING (\d+)/.exec(tail);
        if (m) {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          child.stdout!.resume();
          resolve(Number(m[1]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr!.on('data', remember);
    }
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${logTail()}`)));
    if (port) {
      const poll = setInterval(async () => {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`);
          if (res.ok) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(port);
          }
        } catch {
          /* not up yet */
        }
      }, 200);
      child.on('exit', () => clearInterval(poll));
    }
  });
  const actual = await ready;
  return {
    child,
    port: actual,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function readTail(file: string): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.slice(-4000);
  } catch {
    return '';
  }
}

/**
 * How production starts the server: the env assignments and node flags of `npm start`'s command
 * (package.json scripts.start, e.g. `MALLOC_ARENA_MAX=2 node --flag dist/src/server.js`), so the
 * bench runs exactly what production runs.
 */
export function productionLaunch(root: string): { env: Record<string, string>; nodeArgs: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = pkg.scripts.start.split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  const nodeArgs: string[] = [];
  let i = 0;
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[i]); i++) {
    const [k, ...v] = words[i].split('=');
    env[k] = v.join('=');
  }
  if (words[i] === 'node') for (i++; i < words.length && words[i].startsWith('-'); i++) nodeArgs.push(words[i]);
  return { env, nodeArgs };
}

/** The q-th percentile (0–100) of ascending values (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))];
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Fires autocannon at a URL. Percentiles come from every response's own time, to 0.1 ms:
 * autocannon's histogram keeps whole milliseconds and truncates (5.9 ms is counted as 5), which
 * hides a millisecond on targets of a few.
 */
export async function load(name: string, url: string, opts: { connections?: number; duration?: number; paths?: string[] } = {}): Promise<LoadResult> {
  const paths = opts.paths;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections ?? 32,
        duration: opts.duration ?? 8,
        ...(paths ? { requests: paths.map((p) => ({ method: 'GET' as const, path: p })) } : {}),
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
  latencies.sort((a, b) => a - b);
  return { name, rps: result.requests.average, p50: tenths(percentile(latencies, 50)), p99: tenths(percentile(latencies, 99)), errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

export function rssMb(pid: number): { rss: number; peak: number; anon: number; file: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024, anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 };
}

/** User + system CPU time of a process so far, in ms: steadier than throughput on a shared machine. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}

/**
 * `BENCH_ONLY=search-speed,suggest npm run bench` runs only those sections (e.g. the 1M search run,
 * where the rest would take long and measure nothing new). Names: storefront, search, search-speed,
 * suggest, checkout, soak (with --soak), upload, import. Unset: everything.
 */
export function wanted(section: string): boolean {
  const only = process.env.BENCH_ONLY;
  return !only || only.split(',').map((s) => s.trim()).includes(section);
}
