import { BadRequestError } from '../shared/errors';

/** One optional string query/body parameter; repeated or oversized values are a 400 naming it. */
export function stringParam(source: unknown, key: string, max = 100): string | undefined {
  const value = (source as Record<string, unknown> | undefined)?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw new BadRequestError(`参数 ${key} 无效`, 'invalid_parameter', { parameter: key });
  }
  return value.trim();
}
