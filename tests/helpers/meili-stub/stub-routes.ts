import { applySettingsPatch, indexView, newIndex, settingsProblem, type IndexState } from './stub-state';
import { executeSearch, SearchError, type SearchBody } from './stub-search';
import { errorBody, TaskFailure, TaskQueue, type StubTask } from './stub-tasks';

export interface RouteRequest {
  readonly method: string;
  readonly template: string;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
}

const DOC_ID = /^[A-Za-z0-9_-]{1,511}$/;

function err(status: number, code: string, message: string): RouteResponse {
  return { status, body: errorBody(code, message, status === 401 || status === 403 ? 'auth' : 'invalid_request') };
}

function indexMissing(uid: string): TaskFailure {
  return new TaskFailure('index_not_found', `Index \`${uid}\` not found.`);
}

/** The Meilisearch engine the stub simulates: indexes, documents, settings, tasks and search. */
export class StubEngine {
  readonly indexes = new Map<string, IndexState>();
  /** What GET /version reports; see stub-versions.ts for what older versions refuse. */
  version = '1.53.0';

  constructor(readonly queue: TaskQueue) {}

  private accepted(type: string, indexUid: string | null, details: Record<string, unknown>, payload: unknown, run: (t: StubTask) => void): RouteResponse {
    const task = this.queue.enqueue(type, indexUid, details, payload, run);
    return { status: 202, body: TaskQueue.summary(task) };
  }

  private requireIndex(uid: string): IndexState {
    const ix = this.indexes.get(uid);
    if (!ix) throw indexMissing(uid);
    return ix;
  }

  private ensureIndex(uid: string): IndexState {
    let ix = this.indexes.get(uid);
    if (!ix) {
      ix = newIndex(uid, null);
      this.indexes.set(uid, ix);
    }
    return ix;
  }

  handle(r: RouteRequest): RouteResponse | null {
    const uid = r.params.index_uid;
    const key = `${r.method} ${r.template}`;
    switch (key) {
      case 'GET /health':
        return { status: 200, body: { status: 'available' } };
      case 'GET /version':
        return { status: 200, body: { commitSha: 'stub', commitDate: '2025-01-01T00:00:00Z', pkgVersion: this.version } };
      case 'GET /indexes': {
        const all = [...this.indexes.values()].sort((a, b) => a.uid.localeCompare(b.uid));
        const offset = Number(r.query.get('offset') ?? 0);
        const limit = Number(r.query.get('limit') ?? 20);
        return { status: 200, body: { results: all.slice(offset, offset + limit).map(indexView), offset, limit, total: all.length } };
      }
      case 'POST /indexes': {
        const b = r.body as { uid: string; primaryKey?: string | null };
        if (!DOC_ID.test(b.uid)) return err(400, 'invalid_index_uid', `\`${b.uid}\` is not a valid index uid.`);
        return this.accepted('indexCreation', b.uid, { primaryKey: b.primaryKey ?? null }, b, () => {
          if (this.indexes.has(b.uid)) throw new TaskFailure('index_already_exists', `Index \`${b.uid}\` already exists.`);
          this.indexes.set(b.uid, newIndex(b.uid, b.primaryKey ?? null));
        });
      }
      case 'GET /indexes/{index_uid}': {
        const ix = this.indexes.get(uid);
        return ix ? { status: 200, body: indexView(ix) } : err(404, 'index_not_found', `Index \`${uid}\` not found.`);
      }
      case 'DELETE /indexes/{index_uid}':
        return this.accepted('indexDeletion', uid, { deletedDocuments: 0 }, null, (t) => {
          const ix = this.requireIndex(uid);
          t.details = { deletedDocuments: ix.docs.size };
          this.indexes.delete(uid);
        });
      case 'GET /indexes/{index_uid}/settings': {
        const ix = this.indexes.get(uid);
        return ix ? { status: 200, body: ix.settings } : err(404, 'index_not_found', `Index \`${uid}\` not found.`);
      }
      case 'GET /indexes/{index_uid}/stats': {
        const ix = this.indexes.get(uid);
        if (!ix) return err(404, 'index_not_found', `Index \`${uid}\` not found.`);
        const fields: Record<string, number> = {};
        for (const doc of ix.docs.values()) for (const k of Object.keys(doc)) fields[k] = (fields[k] ?? 0) + 1;
        const bytes = [...ix.docs.values()].reduce((n, d) => n + JSON.stringify(d).length, 0);
        const body = { numberOfDocuments: ix.docs.size, indexSize: bytes, usedIndexSize: bytes, rawDocumentDbSize: bytes, avgDocumentSize: ix.docs.size ? Math.round(bytes / ix.docs.size) : 0, isIndexing: false, fieldDistribution: fields };
        return { status: 200, body };
      }
      case 'PATCH /indexes/{index_uid}/settings': {
        const patch = r.body as Record<string, unknown>;
        return this.accepted('settingsUpdate', uid, { ...patch }, patch, () => {
          const ix = this.ensureIndex(uid);
          const next = applySettingsPatch(ix.settings, patch);
          const problem = settingsProblem(next);
          if (problem) throw new TaskFailure(problem.code, problem.message);
          ix.settings = next;
          ix.updatedAt = new Date().toISOString();
        });
      }
      case 'POST /indexes/{index_uid}/documents':
      case 'PUT /indexes/{index_uid}/documents':
        return this.addDocuments(uid, r, r.method === 'PUT');
      case 'POST /indexes/{index_uid}/documents/delete-batch': {
        const ids = (r.body as unknown[]).map(String);
        return this.accepted('documentDeletion', uid, { providedIds: ids.length, deletedDocuments: null }, ids, (t) => {
          const ix = this.requireIndex(uid);
          let deleted = 0;
          for (const id of ids) if (ix.docs.delete(id)) deleted++;
          t.details = { providedIds: ids.length, deletedDocuments: deleted };
        });
      }
      case 'DELETE /indexes/{index_uid}/documents':
        return this.accepted('documentDeletion', uid, { deletedDocuments: null }, null, (t) => {
          const ix = this.requireIndex(uid);
          t.details = { deletedDocuments: ix.docs.size };
          ix.docs.clear();
        });
      case 'GET /indexes/{index_uid}/documents/{document_id}': {
        const doc = this.indexes.get(uid)?.docs.get(r.params.document_id);
        return doc ? { status: 200, body: doc } : err(404, 'document_not_found', `Document \`${r.params.document_id}\` not found.`);
      }
      case 'POST /indexes/{index_uid}/search': {
        const ix = this.indexes.get(uid);
        if (!ix) return err(404, 'index_not_found', `Index \`${uid}\` not found.`);
        try {
          return { status: 200, body: executeSearch(ix, r.body as SearchBody, performance.now()) };
        } catch (e) {
          if (e instanceof SearchError) return err(400, e.code, e.message);
          throw e;
        }
      }
      case 'POST /swap-indexes':
        return this.swap(r.body as { indexes: string[]; rename?: boolean }[]);
      case 'GET /tasks':
        return { status: 200, body: this.listTasks(r.query) };
      case 'GET /tasks/{task_id}': {
        const task = this.queue.tasks[Number(r.params.task_id)];
        return task ? { status: 200, body: TaskQueue.view(task) } : err(404, 'task_not_found', `Task \`${r.params.task_id}\` not found.`);
      }
      default:
        return null;
    }
  }

  private addDocuments(uid: string, r: RouteRequest, merge: boolean): RouteResponse {
    if (!Array.isArray(r.body)) return err(400, 'malformed_payload', 'The payload must be an array of documents.');
    const docs = r.body as Record<string, unknown>[];
    const requestedKey = r.query.get('primaryKey');
    return this.accepted('documentAdditionOrUpdate', uid, { receivedDocuments: docs.length, indexedDocuments: null }, docs, (t) => {
      const existed = this.indexes.has(uid);
      const ix = this.ensureIndex(uid);
      try {
        if (ix.primaryKey && requestedKey && requestedKey !== ix.primaryKey) {
          throw new TaskFailure('index_primary_key_already_exists', `Index \`${uid}\`: Index already has a primary key: \`${ix.primaryKey}\`.`);
        }
        let pk = ix.primaryKey ?? requestedKey;
        if (!pk) {
          const candidates = Object.keys(docs[0] ?? {}).filter((k) => /id$/i.test(k));
          if (candidates.length !== 1) throw new TaskFailure('index_primary_key_no_candidate_found', 'The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.');
          pk = candidates[0];
        }
        // The whole task fails on one bad identifier, before anything is written, as in Meilisearch.
        for (const doc of docs) {
          const id = doc[pk];
          if (id === undefined) throw new TaskFailure('missing_document_id', `Document doesn't have a \`${pk}\` attribute: \`${JSON.stringify(doc)}\`.`);
          const valid = (typeof id === 'number' && Number.isInteger(id) && id >= 0) || (typeof id === 'string' && DOC_ID.test(id));
          if (!valid) {
            throw new TaskFailure('invalid_document_id', `Document identifier \`${JSON.stringify(id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`);
          }
        }
        ix.primaryKey = pk;
        for (const doc of docs) {
          const id = String(doc[pk]);
          const before = ix.docs.get(id);
          ix.docs.set(id, merge && before ? { ...before, ...structuredClone(doc) } : structuredClone(doc));
        }
        ix.updatedAt = new Date().toISOString();
        t.details = { receivedDocuments: docs.length, indexedDocuments: docs.length };
      } catch (e) {
        if (!existed) this.indexes.delete(uid);
        t.details = { receivedDocuments: docs.length, indexedDocuments: 0 };
        throw e;
      }
    });
  }

  private swap(swaps: { indexes: string[]; rename?: boolean }[]): RouteResponse {
    for (const s of swaps) {
      if (s.indexes.length !== 2) return err(400, 'invalid_swap_indexes', 'Two indexes must be given for each swap.');
    }
    return this.accepted('indexSwap', null, { swaps }, swaps, () => {
      for (const s of swaps) {
        const [a, b] = s.indexes;
        const ia = this.requireIndex(a);
        if (s.rename) {
          if (this.indexes.has(b)) throw new TaskFailure('index_already_exists', `Index \`${b}\` already exists.`);
          this.indexes.delete(a);
          this.indexes.set(b, { ...ia, uid: b });
          continue;
        }
        const ib = this.requireIndex(b);
        this.indexes.set(a, { ...ib, uid: a });
        this.indexes.set(b, { ...ia, uid: b });
      }
    });
  }

  private listTasks(q: URLSearchParams): Record<string, unknown> {
    const list = (name: string): string[] | null => {
      const v = q.get(name);
      return v === null || v === '*' ? null : v.split(',').map((s) => s.trim());
    };
    const uids = list('uids');
    const statuses = list('statuses');
    const types = list('types');
    const indexUids = list('indexUids');
    const limit = Number(q.get('limit') ?? 20);
    const from = q.get('from') === null ? null : Number(q.get('from'));
    const reverse = q.get('reverse') === 'true';
    let matching = this.queue.tasks.filter(
      (t) =>
        (!uids || uids.includes(String(t.uid))) &&
        (!statuses || statuses.includes(t.status)) &&
        (!types || types.includes(t.type)) &&
        (!indexUids || (t.indexUid !== null && indexUids.includes(t.indexUid))),
    );
    const total = matching.length;
    matching = reverse ? matching : [...matching].reverse();
    if (from !== null) matching = matching.filter((t) => (reverse ? t.uid >= from : t.uid <= from));
    const page = matching.slice(0, limit);
    const next = matching[limit]?.uid ?? null;
    return { results: page.map(TaskQueue.view), total, limit, from: page[0]?.uid ?? null, next };
  }
}
