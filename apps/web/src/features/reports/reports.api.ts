import type {
  Report,
  ReportField,
  ReportSave,
  ReportTask,
  Synthesis,
  TemplateCreate,
  TemplateDetail,
  TemplateSummary,
} from '@civicdesk/contracts/reports';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type Field = z.infer<typeof ReportField>;
export type TemplateInput = z.input<typeof TemplateCreate>;

const key = ['reports'];

export const useTemplates = () =>
  useQuery({
    queryKey: [...key, 'templates'],
    queryFn: ({ signal }) => api<TemplateSummary[]>('/report-templates', { signal }),
  });

export const useTemplate = (id: string | undefined) =>
  useQuery({
    queryKey: [...key, 'template', id],
    queryFn: ({ signal }) => api<TemplateDetail>(`/report-templates/${id}`, { signal }),
    enabled: !!id,
  });

export const useTasks = () =>
  useQuery({
    queryKey: [...key, 'tasks'],
    queryFn: ({ signal }) => api<ReportTask[]>('/reports/tasks', { signal }),
  });

export const useReport = (periodId: string | undefined, agencyId: string | null) =>
  useQuery({
    queryKey: [...key, 'report', periodId, agencyId],
    queryFn: ({ signal }) =>
      api<Report>(`/report-periods/${periodId}/report`, { query: { agencyId }, signal }),
    enabled: !!periodId && !!agencyId,
  });

export const useSynthesis = (periodId: string | undefined, engine: 'extractive' | 'llm') =>
  useQuery({
    queryKey: [...key, 'synthesis', periodId, engine],
    queryFn: ({ signal }) =>
      api<Synthesis>(`/report-periods/${periodId}/synthesis`, { query: { engine }, signal }),
    enabled: !!periodId,
  });

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateInput) => api<TemplateDetail>('/report-templates', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
    meta: { inline: true },
  });
}

export function useSaveReport(periodId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ReportSave>) =>
      api<Report>(`/report-periods/${periodId}/report`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
    meta: { inline: true },
  });
}

export function useReturnReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      api(`/reports/${v.id}/return`, { method: 'POST', body: { reason: v.reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
    meta: { inline: true },
  });
}
