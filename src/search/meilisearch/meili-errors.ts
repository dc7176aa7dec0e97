import { MeilisearchApiError, MeilisearchError, MeilisearchTaskTimeOutError, type Task } from 'meilisearch';
import { DeliveryRejected } from '../outbox/outbox-worker';

/**
 * The server could not apply a change for reasons of its own: an `internal` or `system` task error
 * (no_space_left_on_device, database_size_limit_reached…), a cancelled task, an index deleted
 * underneath. The change is fine; it is retried with backoff like any outage.
 */
export class TaskOutage extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
    this.name = 'TaskOutage';
  }
}

/**
 * Meilisearch refused the index settings themselves (a 400 on the PATCH, an `invalid_request`
 * settings task): an operator must act (upgrade the server, fix a synonym). Resending the same
 * settings cannot succeed, so the adapter stops sending them until the settings change.
 */
export class SettingsRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsRejected';
  }
}

export function isIndexNotFound(e: unknown): boolean {
  return e instanceof MeilisearchApiError && e.cause?.code === 'index_not_found';
}

export function isTaskNotFound(e: unknown): boolean {
  return e instanceof MeilisearchApiError && e.cause?.code === 'task_not_found';
}

export function isTaskTimeout(e: unknown): e is MeilisearchTaskTimeOutError {
  return e instanceof MeilisearchTaskTimeOutError;
}

/** A task that ended without applying its change; `invalid_request` errors judge the change itself. */
export function taskFailure(task: Task): Error {
  const err = task.error;
  if (task.status === 'failed' && err?.type === 'invalid_request' && err.code !== 'index_not_found') {
    return new DeliveryRejected(`${err.code}: ${err.message}`);
  }
  const what = task.status === 'canceled' ? `task ${task.uid} was canceled` : err ? `${err.code} (${err.type}): ${err.message}` : `task ${task.uid} ${task.status}`;
  return new TaskOutage(what, err?.code ?? null);
}

/**
 * An answer that judges the request (a 4xx of type `invalid_request`) is a rejection; everything
 * else (auth, rate limit, 5xx, a proxy's HTML page, a refused connection) is an outage.
 */
export function asRejection(e: unknown): unknown {
  if (e instanceof MeilisearchApiError) {
    const status = e.response.status;
    if (status >= 400 && status < 500 && e.cause?.type === 'invalid_request' && e.cause.code !== 'index_not_found') {
      return new DeliveryRejected(`${e.cause.code}: ${e.message}`);
    }
  }
  return e;
}

/**
 * Search is unavailable rather than the request wrong: the server is unreachable, timed out,
 * answered 5xx or refused our key, or a proxy answered with a non-JSON page (meilisearch-js then
 * throws a SyntaxError from JSON.parse), or the index is gone.
 */
export function isOutage(e: unknown): boolean {
  if (e instanceof SyntaxError || e instanceof TaskOutage || isIndexNotFound(e)) return true;
  if (e instanceof MeilisearchApiError) {
    const status = e.response.status;
    return status >= 500 || status === 401 || status === 403 || status === 408 || status === 429 || e.cause === undefined;
  }
  return e instanceof MeilisearchError;
}
