import type {
  AllowanceLine,
  Committee,
  CommitteeDetail,
  CommitteeInput,
  CommitteeUpdate,
  Invitation,
  InvitationAccept,
  InvitationInfo,
  InvitationSent,
  MemberInput,
  MemberUpdate,
  PledgeText,
} from '@civicdesk/contracts/committees';
import type { LoginResponse } from '@civicdesk/contracts/identity';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import { meKey } from '../auth/auth.api.ts';
import { committeeKey, committeesKey, pledgeKey } from './committees.keys.ts';

export type CommitteeForm = z.input<typeof CommitteeInput>;
export type CommitteePatch = z.input<typeof CommitteeUpdate>;
export type NewMember = z.input<typeof MemberInput>;
export type MemberPatch = z.input<typeof MemberUpdate>;
export type InvitationInput = z.input<typeof Invitation>;
export type Allowance = z.infer<typeof AllowanceLine>;
export type Pledge = z.infer<typeof PledgeText>;

export function useCommittees(agencyId?: string) {
  return useQuery({
    queryKey: ['committees', 'list', agencyId ?? null],
    queryFn: ({ signal }) => api<Committee[]>('/committees', { query: { agencyId }, signal }),
  });
}

export function useCommittee(id: string | undefined) {
  return useQuery({
    queryKey: committeeKey(id ?? ''),
    queryFn: ({ signal }) => api<CommitteeDetail>(`/committees/${id}`, { signal }),
    enabled: !!id,
  });
}

function useCommitteeChange<T, R = unknown>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: committeesKey }),
    meta: { inline: true },
  });
}

export const useCreateCommittee = () =>
  useCommitteeChange((body: CommitteeForm) => api<Committee>('/committees', { method: 'POST', body }));

export const useUpdateCommittee = (id: string) =>
  useCommitteeChange((body: CommitteePatch) =>
    api<Committee>(`/committees/${id}`, { method: 'PATCH', body }),
  );

export const useAddMember = (committeeId: string) =>
  useCommitteeChange((body: NewMember) =>
    api<unknown>(`/committees/${committeeId}/members`, { method: 'POST', body }),
  );

export const useUpdateMember = (committeeId: string) =>
  useCommitteeChange(({ memberId, ...body }: MemberPatch & { memberId: string }) =>
    api<unknown>(`/committees/${committeeId}/members/${memberId}`, { method: 'PATCH', body }),
  );

export const useInvite = (committeeId: string) =>
  useCommitteeChange((body: InvitationInput) =>
    api<z.infer<typeof InvitationSent>>(`/committees/${committeeId}/invitations`, {
      method: 'POST',
      body,
    }),
  );

export function useAllowances(committeeId: string, range: { from: string; to: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['committees', 'allowances', committeeId, range.from, range.to],
    queryFn: ({ signal }) =>
      api<Allowance[]>(`/committees/${committeeId}/allowances`, { query: range, signal }),
    enabled: enabled && !!range.from && !!range.to && range.from <= range.to,
  });
}

export const allowancesFileUrl = (
  committeeId: string,
  ext: 'csv' | 'xlsx',
  range: { from: string; to: string },
) => `/api/committees/${committeeId}/allowances.${ext}?${new URLSearchParams(range).toString()}`;

// The public invitation: no session yet; the link's token is the only credential.

export function useInvitation(token: string | undefined) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) =>
      api<z.infer<typeof InvitationInfo>>(`/invitations/${encodeURIComponent(token ?? '')}`, { signal }),
    enabled: !!token,
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof InvitationAccept>) =>
      api<LoginResponse>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body }),
    // The accepted invitation signs the person in (stage enroll): the shell must ask who they are again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
    meta: { inline: true },
  });
}

export function usePledge(enabled = true) {
  return useQuery({
    queryKey: pledgeKey,
    queryFn: ({ signal }) => api<Pledge>('/me/pledge', { signal }),
    enabled,
  });
}

export function useSignPledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/me/pledge', { method: 'POST' }),
    // Meeting reads refused for want of the pledge may now succeed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: committeesKey }),
    meta: { inline: true },
  });
}
