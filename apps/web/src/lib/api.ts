import type { ErrorBody } from '@civicdesk/contracts/common';
import { i18n } from './i18n/i18n.ts';

type ErrorPayload = ErrorBody['error'];

/** An API failure; `message` is already in the UI language (the server translates, or we do for network errors). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly key: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = payload.code;
    this.key = payload.key;
    this.details = payload.details;
  }

  /** Field name → message, when the server rejected the input field by field. */
  get fields(): Record<string, string> {
    const fields = this.details?.fields;
    return fields && typeof fields === 'object' ? (fields as Record<string, string>) : {};
  }
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
};

let unauthorizedHandler: (() => void) | undefined;

/** The app decides what a lost session means (go to the sign-in page); the client only reports it. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.message === 'string';
}

/** The one HTTP client: JSON in and out, the session cookie, and the UI language for server messages. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, { code: 'network', key: 'errors.network', message: i18n.t('errors.network') });
  }
  const isJson = res.headers.get('content-type')?.includes('application/json') ?? false;
  const data: unknown = isJson && res.status !== 204 ? await res.json().catch(() => undefined) : undefined;
  if (res.ok) return data as T;

  const payload: ErrorPayload = isErrorBody(data)
    ? data.error
    : { code: 'http', key: 'errors.http', message: i18n.t('errors.http', { status: res.status }) };
  const error = new ApiError(res.status, payload);
  // A 401 from the sign-in endpoints means wrong credentials, not a lost session.
  if (res.status === 401 && !path.startsWith('/auth/')) unauthorizedHandler?.();
  throw error;
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('errors.unknown');
}
