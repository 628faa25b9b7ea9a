import type { Act, ApprovalView, SavedLine, SavedLineCreate, Submit } from '@civicdesk/contracts/approvals';
import type { AuditEntry } from '@civicdesk/contracts/audit';
import type { Delivery } from '@civicdesk/contracts/dispatch';
import type {
  Attachment,
  DocumentCreate,
  DocumentDetail,
  DocumentTemplate,
  DocumentUpdate,
  VersionDiff,
  VersionSummary,
} from '@civicdesk/contracts/documents';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../lib/api.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export type DocumentInput = z.input<typeof DocumentCreate>;
export type DocumentPatch = z.input<typeof DocumentUpdate>;
export type ActInput = z.input<typeof Act>;
export type LineStepInput = z.input<typeof Submit>['steps'][number];
export type SavedLineInput = z.input<typeof SavedLineCreate>;
export type Version = z.infer<typeof VersionSummary>;
export type Diff = z.infer<typeof VersionDiff>;
export type AttachmentInfo = z.infer<typeof Attachment>;
export type SavedLineInfo = z.infer<typeof SavedLine>;

/** Every e-office query lives under this key: a realtime notification refreshes them all at once. */
export const eofficeKey = ['eoffice'] as const;
export const documentKey = (id: string) => ['eoffice', 'document', id] as const;
const approvalKey = (id: string) => ['eoffice', 'document', id, 'approval'] as const;

// Work lists change under the person's feet (others approve, send, assign): always ask again on focus.
const live = { staleTime: 0 } as const;

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: documentKey(id ?? ''),
    queryFn: ({ signal }) => api<DocumentDetail>(`/documents/${id}`, { signal }),
    enabled: !!id,
    ...live,
  });
}

export function useApproval(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: approvalKey(id ?? ''),
    queryFn: ({ signal }) => api<ApprovalView>(`/documents/${id}/approval`, { signal }),
    enabled: !!id && enabled,
    ...live,
  });
}

/** The agency's templates (type and ready body) to start a new document from. */
export function useTemplates(agencyId: string | null) {
  return useQuery({
    queryKey: ['eoffice', 'templates', agencyId],
    queryFn: ({ signal }) => api<DocumentTemplate[]>(`/agencies/${agencyId}/templates`, { signal }),
    enabled: !!agencyId,
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: ['eoffice', 'document', id, 'versions'],
    queryFn: ({ signal }) => api<Version[]>(`/documents/${id}/versions`, { signal }),
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['eoffice', 'document', id, 'diff', from, to],
    queryFn: ({ signal }) => api<Diff>(`/documents/${id}/diff`, { query: { from, to }, signal }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: ['eoffice', 'document', id, 'history'],
    queryFn: ({ signal }) => api<AuditEntry[]>(`/documents/${id}/history`, { signal }),
  });
}

export function useDocumentDeliveries(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['eoffice', 'document', id, 'deliveries'],
    queryFn: ({ signal }) => api<Delivery[]>(`/documents/${id}/deliveries`, { signal }),
    enabled,
    ...live,
  });
}

export function useSavedLines() {
  return useQuery({
    queryKey: ['approval-lines'],
    queryFn: ({ signal }) => api<SavedLineInfo[]>('/approval-lines', { signal }),
  });
}

export function useSaveLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedLineInput) => api<SavedLineInfo>('/approval-lines', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['approval-lines'] }),
    meta: { inline: true },
  });
}

export function useDeleteSavedLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/approval-lines/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['approval-lines'] }),
  });
}

/** After any change to a document: its detail, line, lists and counters are all refreshed. */
function useRefreshEoffice() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: eofficeKey });
}

export function useCreateDocument() {
  const refresh = useRefreshEoffice();
  return useMutation({
    mutationFn: (body: DocumentInput) => api<DocumentDetail>('/documents', { method: 'POST', body }),
    onSuccess: refresh,
    meta: { inline: true },
  });
}

export function useUpdateDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentPatch) => api<DocumentDetail>(`/documents/${id}`, { method: 'PATCH', body }),
    // No cache write here: the editor takes the saved version first, then the refetch brings the same one.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eofficeKey }),
    meta: { inline: true },
  });
}

export function useSubmitDocument(id: string) {
  const refresh = useRefreshEoffice();
  return useMutation({
    mutationFn: (steps: LineStepInput[]) =>
      api<unknown>(`/documents/${id}/submit`, { method: 'POST', body: { steps } }),
    onSuccess: refresh,
    meta: { inline: true },
  });
}

/** 결재경로수정: the drafter replaces the steps not yet reached while the document is in approval. */
export function useEditRoute(id: string) {
  const refresh = useRefreshEoffice();
  return useMutation({
    mutationFn: (steps: LineStepInput[]) =>
      api<unknown>(`/documents/${id}/approval/steps`, { method: 'PUT', body: { steps } }),
    onSuccess: refresh,
    meta: { inline: true },
  });
}

export function useAct(id: string) {
  const refresh = useRefreshEoffice();
  return useMutation({
    mutationFn: (body: ActInput) =>
      api<{ outcome: string }>(`/documents/${id}/approval`, { method: 'POST', body }),
    onSuccess: refresh,
    meta: { inline: true },
  });
}

/** A document action without input (recall, issue) or with a reason (recall of an issued document). */
export function useDocumentCommand(id: string, command: 'recall' | 'issue' | 'recall-issued') {
  const refresh = useRefreshEoffice();
  return useMutation({
    mutationFn: (body?: { reason: string }) =>
      api<{ numberText?: string }>(`/documents/${id}/${command}`, { method: 'POST', body }),
    onSuccess: refresh,
    meta: { inline: true },
  });
}

export function usePostReview(id: string) {
  const refresh = useRefreshEoffice();
  return useMutation({
    mutationFn: (stepId: string) =>
      api<unknown>(`/documents/${id}/approval/steps/${stepId}/post-review`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

/** Multipart upload (the JSON client cannot send files); failures carry the server's translated message. */
async function upload(path: string, file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': i18n.language },
    });
  } catch {
    throw new ApiError(0, { code: 'network', key: 'errors.network', message: i18n.t('errors.network') });
  }
  const data = (await res.json().catch(() => undefined)) as
    | { error?: { code: string; key: string; message: string } }
    | AttachmentInfo
    | undefined;
  if (res.ok) return data as AttachmentInfo;
  const error = data && 'error' in data ? data.error : undefined;
  throw new ApiError(
    res.status,
    error ?? { code: 'http', key: 'errors.http', message: i18n.t('errors.http', { status: res.status }) },
  );
}

export function useUploadAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload(`/documents/${id}/attachments`, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKey(id) }),
    meta: { inline: true },
  });
}

export function useRemoveAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api<unknown>(`/documents/${id}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKey(id) }),
  });
}

export const attachmentUrl = (documentId: string, attachmentId: string) =>
  `/api/documents/${documentId}/attachments/${attachmentId}`;
export const pdfUrl = (documentId: string) => `/api/documents/${documentId}/pdf`;
