import type { RegisterKind, RegisterTable } from '@civicdesk/contracts/dispatch';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../lib/api.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export type Kind = z.infer<typeof RegisterKind>;
export type Register = z.infer<typeof RegisterTable>;

export function useRegister(agencyId: string | null, kind: Kind, year: number) {
  return useQuery({
    queryKey: ['eoffice', 'register', agencyId, kind, year, i18n.language],
    queryFn: ({ signal }) =>
      api<Register>(`/agencies/${agencyId}/registers/${kind}`, { query: { year }, signal }),
    enabled: !!agencyId,
  });
}

function fileName(disposition: string | null, fallback: string): string {
  const m = disposition && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

/**
 * Downloads an export through fetch rather than a plain link, so the file's column headers follow the UI
 * language (sent as Accept-Language) and a refusal shows as a message instead of a broken file.
 */
export async function downloadRegister(agencyId: string, kind: Kind, year: number, format: 'csv' | 'xlsx') {
  const url = `/api/agencies/${agencyId}/registers/${kind}/export?year=${year}&format=${format}`;
  const res = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': i18n.language } });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      | { error?: { code: string; key: string; message: string } }
      | undefined;
    throw new ApiError(res.status, {
      code: body?.error?.code ?? 'http',
      key: body?.error?.key ?? 'errors.http',
      message: body?.error?.message ?? i18n.t('errors.http', { status: res.status }),
    });
  }
  const blob = await res.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(res.headers.get('content-disposition'), `${kind}-register-${year}.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
