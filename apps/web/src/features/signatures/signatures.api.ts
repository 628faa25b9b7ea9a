import type {
  Certificate,
  CertificateIssue,
  Pkcs11Binding,
  StepUpResult,
  VerifyByCode,
  VerifyReport,
} from '@civicdesk/contracts/signatures';
import { type PublicKeyCredentialRequestOptionsJSON, startAuthentication } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../lib/api.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export type StepUpProof = { password: string } | { code: string } | 'passkey';
export type IssueInput = z.input<typeof CertificateIssue>;
export type Pkcs11Input = z.input<typeof Pkcs11Binding>;
export type ImportInput = {
  kind: Certificate['kind'];
  agencyId: string;
  userId?: string;
  password: string;
  file: File;
};

type StepUpDone = z.infer<typeof StepUpResult>;

export const stepUpRequired = 'identity.step_up_required';

/** Whether a failed signing call only needs the person to confirm who they are again. */
export const needsStepUp = (error: unknown) => error instanceof ApiError && error.key === stepUpRequired;

/** Multipart request (the JSON client cannot send files); failures carry the server's translated message. */
export async function sendForm<T>(path: string, form: FormData, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': i18n.language },
    });
  } catch {
    throw new ApiError(0, { code: 'network', key: 'errors.network', message: i18n.t('errors.network') });
  }
  const data = (await res.json().catch(() => undefined)) as
    | { error?: { code: string; key: string; message: string } }
    | undefined;
  if (res.ok) return data as T;
  const error = data && 'error' in data ? data.error : undefined;
  throw new ApiError(
    res.status,
    error ?? { code: 'http', key: 'errors.http', message: i18n.t('errors.http', { status: res.status }) },
  );
}

const fileForm = (file: File, fields: Record<string, string | undefined> = {}) => {
  const form = new FormData();
  // Fastify's multipart reads only the fields sent before the file.
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  form.append('file', file, file.name);
  return form;
};

async function stepUpWithPasskey(): Promise<StepUpDone> {
  const optionsJSON = await api<PublicKeyCredentialRequestOptionsJSON>('/auth/step-up/passkey/options', {
    method: 'POST',
  });
  let response: Awaited<ReturnType<typeof startAuthentication>>;
  try {
    response = await startAuthentication({ optionsJSON });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const key =
      name === 'NotAllowedError' || name === 'AbortError' ? 'passkeys.cancelled' : 'passkeys.failed';
    throw new Error(i18n.t(key));
  }
  return api<StepUpDone>('/auth/step-up/passkey', { method: 'POST', body: { response } });
}

/** Proves again, on this session, that the person is who it says (password, TOTP code or passkey). */
export function useStepUp() {
  return useMutation({
    mutationFn: (proof: StepUpProof) =>
      proof === 'passkey'
        ? stepUpWithPasskey()
        : api<StepUpDone>('/auth/step-up', { method: 'POST', body: proof }),
    meta: { inline: true },
  });
}

/** The signatures in a document's current PDF; the server answers 404 before there is one. */
export function useDocumentSignatures(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['eoffice', 'document', documentId, 'signatures'],
    queryFn: ({ signal }) => api<VerifyReport>(`/documents/${documentId}/signatures`, { signal }),
    enabled,
  });
}

export function useVerifyByCode(code: string | undefined) {
  return useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => api<VerifyByCode>(`/verify/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: !!code,
    retry: false,
  });
}

export const publicPdfUrl = (code: string) => `/api/verify/${encodeURIComponent(code)}/pdf`;

export function useVerifyFile() {
  return useMutation({
    mutationFn: (file: File) => sendForm<VerifyReport>('/verify', fileForm(file)),
    meta: { inline: true },
  });
}

const certificatesKey = (agencyId: string) => ['signatures', 'certificates', agencyId] as const;

export function useCertificates(agencyId: string | null) {
  return useQuery({
    queryKey: certificatesKey(agencyId ?? ''),
    queryFn: ({ signal }) => api<Certificate[]>('/signatures/certificates', { query: { agencyId }, signal }),
    enabled: !!agencyId,
  });
}

function useCertificateChange<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['signatures', 'certificates'] }),
    meta: { inline: true },
  });
}

export const useIssueCertificate = () =>
  useCertificateChange((body: IssueInput) =>
    api<{ id: string }>('/signatures/certificates', { method: 'POST', body }),
  );

export const useImportCertificate = () =>
  useCertificateChange(({ file, ...fields }: ImportInput) =>
    sendForm<{ id: string }>('/signatures/certificates/import', fileForm(file, fields)),
  );

export const useBindToken = () =>
  useCertificateChange((body: Pkcs11Input) =>
    api<{ id: string }>('/signatures/certificates/pkcs11', { method: 'POST', body }),
  );

export const useRevokeCertificate = () =>
  useCertificateChange(({ id, reason }: { id: string; reason: string }) =>
    api<unknown>(`/signatures/certificates/${id}/revoke`, { method: 'POST', body: { reason } }),
  );

/** A PNG kept on the server (the person's handwritten signature, an agency's seal); null when none. */
export function useImage(path: string | null) {
  return useQuery({
    queryKey: ['signatures', 'image', path],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api${path}`, { credentials: 'same-origin', signal });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(i18n.t('errors.http', { status: res.status }));
      return URL.createObjectURL(await res.blob());
    },
    enabled: !!path,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUploadImage(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => sendForm<unknown>(path, fileForm(file), 'PUT'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['signatures', 'image', path] }),
    meta: { inline: true },
  });
}
