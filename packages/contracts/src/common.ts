import { z } from 'zod';

export const Locale = z.enum(['ko', 'vi', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Country = z.enum(['vn', 'kr']);
export type Country = z.infer<typeof Country>;

export const Id = z.uuid();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    key: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

/** Text a person types: trimmed, no control characters, bounded. */
export const Text = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), {
      message: 'control characters are not allowed',
    });

export const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, { message: 'letters, digits, dot, dash and underscore only' });
