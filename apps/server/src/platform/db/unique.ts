import { AppError } from '../http/errors.ts';

/** Runs a write; a unique-constraint violation (SQLSTATE 23505) becomes a 409 with the given message. */
export async function uniqueOr<T>(
  fn: () => Promise<T>,
  key: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if ((e.cause?.code ?? e.code) === '23505') throw new AppError('conflict', key, params);
    throw err;
  }
}
