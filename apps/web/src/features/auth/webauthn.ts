import type { LoginResponse } from '@civicdesk/contracts/identity';
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { api } from '../../lib/api.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export const supportsPasskeys = () => browserSupportsWebAuthn();

// The browser's own errors are technical and in its language; say what happened in ours.
function explain(error: unknown): Error {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') return new Error(i18n.t('passkeys.cancelled'));
  if (name === 'InvalidStateError') return new Error(i18n.t('passkeys.alreadyRegistered'));
  return new Error(i18n.t('passkeys.failed'));
}

/** Second factor (with a username) or passwordless sign-in (without one). */
export async function signInWithPasskey(username?: string): Promise<LoginResponse> {
  const optionsJSON = await api<PublicKeyCredentialRequestOptionsJSON>('/auth/passkey/options', {
    method: 'POST',
    body: username ? { username } : {},
  });
  let response: Awaited<ReturnType<typeof startAuthentication>>;
  try {
    response = await startAuthentication({ optionsJSON });
  } catch (error) {
    throw explain(error);
  }
  return api<LoginResponse>('/auth/passkey/verify', { method: 'POST', body: { response } });
}

export async function registerPasskey(name: string): Promise<void> {
  const optionsJSON = await api<PublicKeyCredentialCreationOptionsJSON>('/me/passkeys/options', {
    method: 'POST',
  });
  let response: Awaited<ReturnType<typeof startRegistration>>;
  try {
    response = await startRegistration({ optionsJSON });
  } catch (error) {
    throw explain(error);
  }
  await api<unknown>('/me/passkeys', { method: 'POST', body: { name, response } });
}
