import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OpenApiContract } from './openapi-contract';
import { StubEngine } from './stub-routes';
import { errorBody, TaskQueue, type FailPredicate, type StubTask, type TaskOutcome } from './stub-tasks';
import type { IndexState } from './stub-state';
import { unknownToVersion } from './stub-versions';

export interface StubRequestLog {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
  status: number;
}

export interface StubViolation {
  readonly direction: 'request' | 'response' | 'unsupported';
  readonly method: string;
  readonly path: string;
  readonly problems: readonly string[];
}

export interface MeiliStubOptions {
  readonly apiKey?: string;
  /** Delay of each task state change (enqueued → processing → done), in ms. */
  readonly taskDelayMs?: number;
}

/**
 * `refused`: nothing listens. `503`: Meilisearch answers its JSON 503. `502-html` / `504-html`: a
 * reverse proxy in front of it answers with an HTML error page, which is not JSON at all.
 */
export type OutageMode = 'refused' | '503' | '502-html' | '504-html';

export interface MeiliStub {
  readonly url: string;
  readonly apiKey: string;
  readonly requests: StubRequestLog[];
  readonly violations: StubViolation[];
  readonly tasks: readonly StubTask[];
  readonly indexes: ReadonlyMap<string, IndexState>;
  /** Outage on: connections are refused (the listener closes) or every request gets a 503. */
  setOutage(on: boolean, mode?: OutageMode): Promise<void>;
  /** The next `n` tasks, or those the predicate selects, end with `outcome` (default: an `internal` error). */
  failNextTasks(rule: number | FailPredicate, outcome?: TaskOutcome): void;
  /** Selected tasks stay `processing` (a slow task) until `holdTasks(null)`. */
  holdTasks(rule: FailPredicate | null): void;
  /** Pretend to be another Meilisearch version: GET /version says so, and newer request fields get a 400. */
  setVersion(version: string): void;
  /** Deletes an index behind the app's back (an operator, a wiped volume); with no uid, every index. */
  dropIndexes(uid?: string): void;
  close(): Promise<void>;
}

let sharedContract: OpenApiContract | null = null;

/** A Meilisearch 1.53 HTTP stand-in that checks both directions of every exchange against the OpenAPI document. */
export async function startMeiliStub(opts: MeiliStubOptions = {}): Promise<MeiliStub> {
  sharedContract ??= new OpenApiContract();
  const contract = sharedContract;
  const apiKey = opts.apiKey ?? 'stub-master-key';
  const queue = new TaskQueue(opts.taskDelayMs ?? 2);
  const engine = new StubEngine(queue);
  const requests: StubRequestLog[] = [];
  const violations: StubViolation[] = [];
  let outage: OutageMode | null = null;
  const sockets = new Set<Socket>();

  const send = (res: http.ServerResponse, log: StubRequestLog, status: number, body?: unknown): void => {
    log.status = status;
    res.statusCode = status;
    if (body === undefined) {
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };

  const handler = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const method = req.method ?? 'GET';
    let body: unknown = undefined;
    const hasBody = raw.length > 0;
    const log: StubRequestLog = { method, path: url.pathname, query: url.search, body: undefined, status: 0 };
    requests.push(log);
    if (outage === '503') {
      send(res, log, 503, errorBody('internal', 'Simulated outage: the server is unavailable.', 'system'));
      return;
    }
    if (outage === '502-html' || outage === '504-html') {
      // The proxy speaks, not Meilisearch: no contract applies to this answer.
      const status = outage === '502-html' ? 502 : 504;
      log.status = status;
      res.statusCode = status;
      res.setHeader('content-type', 'text/html');
      res.end(`<html><head><title>${status} ${status === 502 ? 'Bad Gateway' : 'Gateway Time-out'}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`);
      return;
    }
    const flag = (direction: StubViolation['direction'], problems: string[]): void => {
      violations.push({ direction, method, path: url.pathname + url.search, problems });
    };
    if (hasBody) {
      try {
        body = JSON.parse(raw);
        (log as { body: unknown }).body = body;
      } catch {
        flag('request', ['body is not valid JSON']);
        send(res, log, 400, errorBody('malformed_payload', 'The JSON payload is malformed.'));
        return;
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        flag('request', [`content-type ${String(req.headers['content-type'])} is not application/json`]);
        send(res, log, 415, errorBody('invalid_content_type', 'The Content-Type header is invalid. Accepted values are application/json.'));
        return;
      }
    }
    const op = contract.match(method, url.pathname);
    if (!op) {
      flag('request', [`${method} ${url.pathname} is not an operation of the Meilisearch API`]);
      send(res, log, 400, errorBody('bad_request', `${method} ${url.pathname} is not a documented route.`));
      return;
    }
    if (op.template !== '/health') {
      const auth = req.headers.authorization;
      if (!auth) return send(res, log, 401, errorBody('missing_authorization_header', 'The Authorization header is missing. It must use the bearer authorization method.', 'auth'));
      if (auth !== `Bearer ${apiKey}`) return send(res, log, 403, errorBody('invalid_api_key', 'The provided API key is invalid.', 'auth'));
    }
    const problems = contract.checkRequest(op, url.searchParams, body, hasBody);
    if (problems.length) {
      flag('request', problems);
      send(res, log, 400, errorBody('bad_request', `Request does not match the Meilisearch API: ${problems.join('; ')}`));
      return;
    }
    const unknown = unknownToVersion(engine.version, `${method} ${op.template}`, body);
    if (unknown) {
      send(res, log, 400, errorBody('bad_request', `Unknown field \`${unknown}\` (Meilisearch ${engine.version}).`));
      return;
    }
    let out;
    try {
      out = engine.handle({ method, template: op.template, params: op.params, query: url.searchParams, body });
    } catch (e) {
      out = { status: 500, body: errorBody('internal', `stub failure: ${(e as Error).message}`, 'internal') };
      flag('response', [`stub threw: ${(e as Error).stack ?? String(e)}`]);
    }
    if (!out) {
      flag('unsupported', [`${method} ${op.template} is documented but not simulated by the stub`]);
      send(res, log, 501, errorBody('internal', 'Not simulated by the stub.', 'internal'));
      return;
    }
    const responseProblems = contract.checkResponse(op, out.status, out.body);
    if (responseProblems.length) flag('response', responseProblems);
    send(res, log, out.status, out.body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const closeListener = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    violations,
    get tasks() {
      return queue.tasks;
    },
    indexes: engine.indexes,
    async setOutage(on, mode = 'refused') {
      const wasRefusing = outage === 'refused';
      outage = on ? mode : null;
      if (on && mode === 'refused' && !wasRefusing) await closeListener();
      if ((!on || mode !== 'refused') && wasRefusing) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
          });
        });
      }
    },
    failNextTasks(rule, outcome) {
      queue.failNext(rule, outcome);
    },
    holdTasks(rule) {
      queue.hold(rule);
    },
    setVersion(version) {
      engine.version = version;
    },
    dropIndexes(uid) {
      if (uid === undefined) engine.indexes.clear();
      else engine.indexes.delete(uid);
    },
    async close() {
      queue.close();
      if (outage !== 'refused') await closeListener();
    },
  };
}
