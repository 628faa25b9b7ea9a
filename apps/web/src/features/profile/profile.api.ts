import type { Locale } from '@civicdesk/contracts/common';
import type { Me, PasskeyInfo, SessionInfo } from '@civicdesk/contracts/identity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { meKey } from '../auth/auth.api.ts';
import { registerPasskey } from '../auth/webauthn.ts';

type ProfilePatch = { locale?: Locale; displayName?: string };

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => api<Me | undefined>('/me', { method: 'PATCH', body: patch }),
    onSuccess: (updated, patch) => {
      if (updated && typeof updated === 'object' && 'id' in updated) queryClient.setQueryData(meKey, updated);
      else queryClient.setQueryData<Me>(meKey, (me) => (me ? { ...me, ...patch } : me));
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { current: string; next: string }) =>
      api<unknown>('/me/password', { method: 'POST', body }),
    meta: { inline: true },
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<unknown>('/me/totp/disable', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
    meta: { inline: true },
  });
}

const sessionsKey = ['me', 'sessions'] as const;
const passkeysKey = ['me', 'passkeys'] as const;

export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api<SessionInfo[]>('/me/sessions', { signal }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function usePasskeys() {
  return useQuery({
    queryKey: passkeysKey,
    queryFn: ({ signal }) => api<PasskeyInfo[]>('/me/passkeys', { signal }),
  });
}

export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => registerPasskey(name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
    meta: { inline: true },
  });
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/me/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}
