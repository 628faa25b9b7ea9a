import type { Dashboard, DrillKind, DrillPage } from '@civicdesk/contracts/dashboard';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api.ts';
import { i18n } from '../../lib/i18n/i18n.ts';

export type Range = { from: string; to: string };

export const useDashboard = (agencyId: string | null, range: Range) =>
  useQuery({
    queryKey: ['dashboard', agencyId, range.from, range.to],
    queryFn: ({ signal }) => api<Dashboard>('/dashboard', { query: { agencyId, ...range }, signal }),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
  });

export const useDrill = (agencyId: string | null, range: Range, kind: DrillKind | null, page: number) =>
  useQuery({
    queryKey: ['dashboard', 'drill', agencyId, range.from, range.to, kind, page],
    queryFn: ({ signal }) =>
      api<DrillPage>('/dashboard/drill', {
        query: { agencyId, ...range, kind, limit: 20, offset: page * 20 },
        signal,
      }),
    enabled: !!agencyId && !!kind,
    placeholderData: keepPreviousData,
  });

/** Through fetch, so headers follow the UI language and a refusal shows as a message. */
export async function downloadDashboard(agencyId: string, range: Range, format: 'csv' | 'xlsx') {
  const q = new URLSearchParams({ agencyId, ...range, format });
  const res = await fetch(`/api/dashboard/export?${q}`, {
    credentials: 'same-origin',
    headers: { 'accept-language': i18n.language },
  });
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
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await res.blob());
  link.download = `dashboard-${range.from}-${range.to}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
