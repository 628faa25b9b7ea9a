// One error type with a closed set of codes; the HTTP status of each code is decided here and nowhere else.
const statusByCode = {
  bad_request: 400,
  unauthorized: 401,
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof statusByCode;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params: Record<string, unknown>;
  readonly extra: Record<string, unknown>;

  /** `key` names a translated message; `extra` is sent to the client as-is (never secrets). */
  constructor(
    code: ErrorCode,
    key: string,
    params: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ) {
    super(key);
    this.code = code;
    this.key = key;
    this.params = params;
    this.extra = extra;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = () => new AppError('not_found', 'error.not_found');
export const forbidden = () => new AppError('forbidden', 'error.forbidden');
export const unauthorized = () => new AppError('unauthorized', 'error.unauthorized');
