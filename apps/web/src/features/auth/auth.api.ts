import type { LoginRequest, LoginResponse, Me, TotpSetup } from '@civicdesk/contracts/identity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { signInWithPasskey } from './webauthn.ts';

export const meKey = ['me'] as const;

/** The signed-in person; an ApiError with status 401 when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => api<Me>('/me', { signal }),
    retry: false,
    // After a 401 the sign-in page mounts the same query: do not ask again until someone signs in.
    retryOnMount: false,
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginRequest) => api<LoginResponse>('/auth/login', { method: 'POST', body }),
    meta: { inline: true },
  });
}

export function useVerifyTotp() {
  return useMutation({
    mutationFn: (code: string) => api<LoginResponse>('/auth/mfa/totp', { method: 'POST', body: { code } }),
    meta: { inline: true },
  });
}

export function usePasskeySignIn() {
  return useMutation({
    mutationFn: (username?: string) => signInWithPasskey(username),
    meta: { inline: true },
  });
}

/** Starts a new TOTP secret once per mount (a query, so a double mount does not make two secrets). */
export function useTotpSetup(enabled = true) {
  return useQuery({
    queryKey: ['totp-setup'],
    queryFn: () => api<TotpSetup>('/me/totp/setup', { method: 'POST' }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<unknown>('/me/totp/enable', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
    meta: { inline: true },
  });
}

function useEndSession(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>(path, { method: 'POST' }),
    // Whatever the server said, this browser forgets the person's data.
    onSettled: () => queryClient.clear(),
  });
}

export const useLogout = () => useEndSession('/auth/logout');
export const useLogoutEverywhere = () => useEndSession('/auth/logout-all');
