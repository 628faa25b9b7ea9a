import type {
  AccessLogEntry,
  CitizenProfile,
  Consent,
  FileRef,
  Holiday,
  PortalAgency,
  Procedure,
  ProcedureInput,
  RegistryEntry,
  Submission,
  SubmissionSummary,
  SubmissionValues,
} from '@civicdesk/contracts/services';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../lib/api.ts';
import { i18n } from '../../lib/i18n/i18n.ts';
import { sendForm } from '../signatures/signatures.api.ts';

// Public services, both sides: the staff queue and catalogue, and the portal's (anonymous or citizen) calls.

export type Profile = z.infer<typeof CitizenProfile>;
export type QueueState = 'open' | 'overdue' | 'decided' | 'all';

export const usePortalAgencies = () =>
  useQuery({ queryKey: ['portal', 'agencies'], queryFn: () => api<PortalAgency[]>('/portal/agencies') });

export const usePortalProcedures = (agencyId: string | null) =>
  useQuery({
    queryKey: ['portal', 'procedures', agencyId],
    queryFn: () => api<Procedure[]>('/portal/procedures', { query: { agencyId } }),
  });

export const usePortalProcedure = (id: string | undefined) =>
  useQuery({
    queryKey: ['portal', 'procedure', id],
    queryFn: () => api<Procedure>(`/portal/procedures/${id}`),
    enabled: !!id,
  });

/** The signed-in citizen, or null for a guest (a 401 here is no lost session). */
export const usePortalMe = () =>
  useQuery({
    queryKey: ['portal', 'me'],
    queryFn: async () => {
      try {
        return await api<Profile>('/portal/me');
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
  });

export function usePortalLogin() {
  const qc = useQueryClient();
  return useMutation({
    meta: { inline: true },
    mutationFn: (body: { username: string; password: string }) =>
      api<{ stage: string }>('/portal/login', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal'] }),
  });
}

export function usePortalLogout() {
  const qc = useQueryClient();
  return useMutation({
    meta: { inline: true },
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSuccess: () => qc.resetQueries({ queryKey: ['portal'] }),
  });
}

export const useRegisterCitizen = () =>
  useMutation({
    meta: { inline: true },
    mutationFn: (body: Record<string, unknown>) =>
      api<{ ok: true; verifyLink: string | null }>('/portal/register', { method: 'POST', body }),
  });

export const uploadPortalFile = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return sendForm<z.infer<typeof FileRef>>('/portal/files', form);
};

export type SubmitBody = {
  procedureId: string;
  values: SubmissionValues;
  applicantName?: string;
  applicantEmail?: string;
  consentPurpose?: string | null;
  submit: boolean;
};

export const useCreateSubmission = () =>
  useMutation({
    meta: { inline: true },
    mutationFn: (body: SubmitBody) =>
      api<{ id: string; state: string; trackingCode: string | null }>('/portal/submissions', {
        method: 'POST',
        body,
      }),
  });

export const useMySubmissions = (enabled: boolean) =>
  useQuery({
    queryKey: ['portal', 'submissions'],
    queryFn: () => api<SubmissionSummary[]>('/portal/submissions'),
    enabled,
  });

export const useMySubmission = (id: string | undefined) =>
  useQuery({
    queryKey: ['portal', 'submission', id],
    queryFn: () => api<Submission>(`/portal/submissions/${id}`),
    enabled: !!id,
  });

export const trackSubmission = (code: string) =>
  api<Submission>('/portal/track', { method: 'POST', body: { code } });

export const answerRequest = (
  ref: { id?: string; code?: string },
  body: { message: string; values: SubmissionValues },
) =>
  ref.code
    ? api<Submission>('/portal/track/answer', { method: 'POST', body: { ...body, code: ref.code } })
    : api<Submission>(`/portal/submissions/${ref.id}/answer`, { method: 'POST', body });

/** Saves the signed result exactly as issued (the verification page recognises these bytes). */
export async function downloadResult(ref: { id?: string; code?: string }, staff = false) {
  const url = ref.code
    ? '/api/portal/track/result'
    : staff
      ? `/api/services/submissions/${ref.id}/result`
      : `/api/portal/submissions/${ref.id}/result`;
  const res = await fetch(url, {
    method: ref.code ? 'POST' : 'GET',
    credentials: 'same-origin',
    headers: ref.code
      ? { 'content-type': 'application/json', 'accept-language': i18n.language }
      : { 'accept-language': i18n.language },
    body: ref.code ? JSON.stringify({ code: ref.code }) : undefined,
  });
  if (!res.ok)
    throw new ApiError(res.status, {
      code: 'http',
      key: 'errors.http',
      message: i18n.t('errors.http', { status: res.status }),
    });
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name ? decodeURIComponent(name) : 'result.pdf';
  a.click();
  URL.revokeObjectURL(a.href);
}

export const useMyRecords = () =>
  useQuery({ queryKey: ['portal', 'records'], queryFn: () => api<RegistryEntry[]>('/portal/records') });
export const useAccessLog = () =>
  useQuery({
    queryKey: ['portal', 'access-log'],
    queryFn: () => api<AccessLogEntry[]>('/portal/access-log'),
  });
export const useConsents = () =>
  useQuery({ queryKey: ['portal', 'consents'], queryFn: () => api<Consent[]>('/portal/consents') });

export function useConsentChange() {
  const qc = useQueryClient();
  return useMutation({
    meta: { inline: true },
    mutationFn: (change: { grant: { agencyId: string; purpose: string } } | { revoke: string }) =>
      'grant' in change
        ? api<Consent[]>('/portal/consents', { method: 'POST', body: change.grant })
        : api<Consent[]>(`/portal/consents/${change.revoke}`, { method: 'DELETE' }),
    onSuccess: (data) => qc.setQueryData(['portal', 'consents'], data),
  });
}

// Staff side.

export const useQueue = (agencyId: string | null, state: QueueState) =>
  useQuery({
    queryKey: ['services', 'queue', agencyId, state],
    queryFn: () => api<SubmissionSummary[]>('/services/queue', { query: { agencyId, state } }),
    enabled: !!agencyId,
  });

export const useStaffSubmission = (id: string | undefined) =>
  useQuery({
    queryKey: ['services', 'submission', id],
    queryFn: () => api<Submission>(`/services/submissions/${id}`),
    enabled: !!id,
  });

export function useSubmissionAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { inline: true },
    mutationFn: ({
      action,
      body,
    }: {
      action: 'assign' | 'request-info' | 'approve' | 'refuse';
      body: unknown;
    }) => api<Submission>(`/services/submissions/${id}/${action}`, { method: 'POST', body }),
    onSuccess: (data) => {
      qc.setQueryData(['services', 'submission', id], data);
      void qc.invalidateQueries({ queryKey: ['services', 'queue'] });
    },
  });
}

export const useAdminProcedures = (agencyId: string | null) =>
  useQuery({
    queryKey: ['services', 'procedures', agencyId],
    queryFn: () => api<Procedure[]>('/services/procedures', { query: { agencyId } }),
    enabled: !!agencyId,
  });

export function useSaveProcedure() {
  const qc = useQueryClient();
  return useMutation({
    meta: { inline: true },
    mutationFn: ({ id, body }: { id?: string; body: ProcedureInput }) => {
      const { agencyId: _a, ...update } = body;
      return id
        ? api<Procedure>(`/services/procedures/${id}`, { method: 'PATCH', body: update })
        : api<Procedure>('/services/procedures', { method: 'POST', body });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['services', 'procedures'] }),
  });
}

export const useHolidays = (agencyId: string | null) =>
  useQuery({
    queryKey: ['services', 'holidays', agencyId],
    queryFn: () => api<Holiday[]>('/services/holidays', { query: { agencyId } }),
    enabled: !!agencyId,
  });

export function useHolidayChange(agencyId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    meta: { inline: true },
    mutationFn: (change: { add: Holiday } | { remove: string }) =>
      'add' in change
        ? api<Holiday[]>('/services/holidays', { method: 'POST', query: { agencyId }, body: change.add })
        : api<Holiday[]>(`/services/holidays/${change.remove}`, { method: 'DELETE', query: { agencyId } }),
    onSuccess: (data) => qc.setQueryData(['services', 'holidays', agencyId], data),
  });
}

export const useRegistryLookup = () =>
  useMutation({
    meta: { inline: true },
    mutationFn: (body: { agencyId: string; identifier: string; purpose: string }) =>
      api<RegistryEntry[]>('/services/registry/lookup', { method: 'POST', body }),
  });
