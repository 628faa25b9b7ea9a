import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Locale, translate } from '../i18n/i18n.ts';
import { AppError } from './errors.ts';

// Every error leaves as { error: { code, message, key, details? } } with the message in the caller's language.
// 5xx details stay in the log.

function send(reply: FastifyReply, err: AppError, locale: Locale, details?: Record<string, unknown>) {
  const body = {
    code: err.code,
    key: err.key,
    message: translate(locale, err.key, err.params),
    ...err.extra,
  };
  return reply.status(err.status).send({ error: details ? { ...body, details } : body });
}

type ZodValidationItem = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

function validationDetails(
  error: FastifyError,
  locale: Locale,
): { text: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const localeError = z.locales[locale]().localeError;
  for (const v of (error.validation ?? []) as unknown as ZodValidationItem[]) {
    const path = v.instancePath.split('/').filter(Boolean);
    const issue = {
      ...v.params,
      code: v.keyword,
      path,
      message: v.message ?? '',
    } as unknown as z.core.$ZodRawIssue;
    const said = v.keyword === 'custom' ? undefined : localeError(issue);
    const where = path.join('.') || (error.validationContext ?? 'body');
    fields[where] = (typeof said === 'string' ? said : said?.message) ?? v.message ?? 'invalid';
  }
  return {
    text: Object.entries(fields)
      .map(([k, m]) => `${k}: ${m}`)
      .join('; '),
    fields,
  };
}

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale ?? 'en';
  if (error instanceof AppError) {
    if (error.status >= 500) req.log.error({ err: error }, 'application error');
    return send(reply, error, locale);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const { text, fields } = validationDetails(error, locale);
    return send(reply, new AppError('bad_request', 'error.validation', { details: text }), locale, {
      fields,
    });
  }
  if ((error as unknown) instanceof z.ZodError) {
    // Form fields of a multipart upload, parsed in the handler rather than by the route schema.
    const issues = (error as unknown as z.ZodError).issues;
    const details = issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ');
    return send(reply, new AppError('bad_request', 'error.validation', { details }), locale);
  }
  const status = error.statusCode ?? 500;
  const known: Record<number, AppError> = {
    403: new AppError('forbidden', 'error.forbidden'),
    404: new AppError('not_found', 'error.not_found'),
    413: new AppError('payload_too_large', 'error.payload_too_large'),
    415: new AppError('unsupported_media_type', 'error.unsupported_media_type'),
    429: new AppError('rate_limited', 'error.rate_limited'),
  };
  const mapped = known[status];
  if (mapped) return send(reply, mapped, locale);
  if (status >= 400 && status < 500) {
    return send(reply, new AppError('bad_request', 'error.validation', { details: error.message }), locale);
  }
  req.log.error({ err: error }, 'unhandled error');
  return send(reply, new AppError('internal', 'error.internal'), locale);
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, new AppError('not_found', 'error.not_found'), req.locale ?? 'en');
}

// Cookies are SameSite=Lax and state changes take JSON; in addition a request whose Origin names another
// site is refused before it reaches a route.
export async function guardCrossSite(req: FastifyRequest, reply: FastifyReply) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== req.headers.host)
    return send(reply, new AppError('forbidden', 'error.csrf'), req.locale ?? 'en');
}
