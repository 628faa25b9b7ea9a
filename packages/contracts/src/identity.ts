import { z } from 'zod';
import { Code, Id, Locale, Text } from './common.ts';

export const Role = z.enum([
  'agency_admin',
  'clerk',
  'head',
  'official',
  'secretary',
  'external_member',
  'citizen',
]);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'lower-case letters, digits, dot, dash and underscore only' });

export const Password = z.string().min(12).max(256);

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionStage = z.enum(['full', 'mfa', 'enroll']);

export const LoginResponse = z.object({
  stage: SessionStage,
  /** When stage is 'mfa': the second factors this user can use. */
  methods: z.array(z.enum(['totp', 'passkey'])).optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MePost = z.object({
  id: Id,
  agencyId: Id,
  agencyCode: Code,
  agencyName: z.string(),
  country: z.enum(['vn', 'kr']),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  positionName: z.string().nullable(),
  role: Role,
});
export type MePost = z.infer<typeof MePost>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  kind: z.enum(['staff', 'external', 'citizen']),
  locale: Locale,
  isPlatformAdmin: z.boolean(),
  totpEnabled: z.boolean(),
  passkeys: z.number().int(),
  mfaRequired: z.boolean(),
  stage: SessionStage,
  posts: z.array(MePost),
});
export type Me = z.infer<typeof Me>;

export const TotpCode = z.object({ code: z.string().regex(/^\d{6}$/, { message: 'six digits' }) });
export const TotpSetup = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type TotpSetup = z.infer<typeof TotpSetup>;

export const PasswordChange = z.object({ current: z.string().min(1).max(256), next: Password });
export const ProfileUpdate = z.object({ locale: Locale.optional(), displayName: Text(120).optional() });

export const SessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const PasskeyInfo = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type PasskeyInfo = z.infer<typeof PasskeyInfo>;

// WebAuthn JSON shapes are defined by the W3C spec and produced by the browser library; checked by the verifier.
export const WebAuthnJson = z.record(z.string(), z.unknown());
export const PasskeyRegister = z.object({ name: Text(60), response: WebAuthnJson });
export const PasskeyLogin = z.object({ username: z.string().trim().max(64).optional() });
export const PasskeyLoginVerify = z.object({ response: WebAuthnJson });
