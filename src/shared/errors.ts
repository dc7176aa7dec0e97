/** One error family; the HTTP error handler maps `status` and `code` and never leaks anything else. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(message = '页面不存在', code = 'not_found') {
    super(404, code, message);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, code = 'bad_request', details?: Record<string, unknown>) {
    super(400, code, message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '禁止访问', code = 'forbidden') {
    super(403, code, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
