import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { useReport, useSaveReport } from './reports.api.ts';
import { fillingPosts } from './reports-access.ts';
import { StatusBadge } from './StatusBadge.tsx';

type Values = Record<string, number | string | null>;

/** A subordinate agency fills its report for one period: save a draft, submit; locked once submitted. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const { periodId } = useParams();
  const [params] = useSearchParams();
  const me = useMe().data;
  const navigate = useNavigate();
  const country = userCountry(me);
  const agencyId = params.get('agency') ?? fillingPosts(me)[0]?.agencyId ?? null;
  const report = useReport(periodId, agencyId);
  const save = useSaveReport(periodId ?? '');
  const [values, setValues] = useState<Values>({});
  useEffect(() => {
    if (report.data) setValues(report.data.values);
  }, [report.data]);

  if (report.isPending) return <Loading />;
  if (report.error) return <ErrorAlert error={report.error} />;
  const r = report.data;
  const canFill = fillingPosts(me).some((p) => p.agencyId === r.agencyId);
  const locked = r.status === 'submitted' || !canFill;

  async function send(submit: boolean) {
    if (!agencyId) return;
    await save.mutateAsync({ agencyId, values, submit });
    toast(t(submit ? 'reports.submitted' : 'reports.draftSaved'), 'success');
    if (submit) navigate('/reports');
  }

  return (
    <>
      <PageHeader
        title={r.title}
        description={`${r.agencyName} · ${t('reports.periodRange', { from: formatDate(r.period.start, country), to: formatDate(r.period.end, country) })} · ${t('reports.dueBy', { date: formatDate(r.period.dueOn, country) })}`}
      />
      <Stack gap="lg" maw={860}>
        <StatusBadge status={r.status} overdue={r.overdue} />
        {r.status === 'returned' && r.returnReason && (
          <Alert color="orange" title={t('reports.returnedTitle')} data-testid="return-reason">
            {r.returnReason}
          </Alert>
        )}
        {r.submittedAt && (
          <Text size="sm" c="dimmed">
            {t('reports.submittedAt', { date: formatDateTime(r.submittedAt, country) })}
          </Text>
        )}
        <SectionCard title={t('reports.figures')}>
          {r.fields
            .filter((f) => f.kind === 'number')
            .map((f) => (
              <NumberInput
                key={f.key}
                label={f.label}
                rightSection={
                  f.unit ? (
                    <Text size="xs" c="dimmed" pr={8}>
                      {f.unit}
                    </Text>
                  ) : undefined
                }
                rightSectionWidth={f.unit ? 72 : undefined}
                withAsterisk={f.required}
                value={typeof values[f.key] === 'number' ? (values[f.key] as number) : ''}
                onChange={(v) => setValues((x) => ({ ...x, [f.key]: v === '' ? null : Number(v) }))}
                readOnly={locked}
                decimalScale={3}
                thousandSeparator={country === 'vn' ? '.' : ','}
                decimalSeparator={country === 'vn' ? ',' : '.'}
                data-testid={`field-${f.key}`}
              />
            ))}
        </SectionCard>
        <SectionCard title={t('reports.narrative')}>
          {r.fields
            .filter((f) => f.kind === 'text')
            .map((f) => (
              <Textarea
                key={f.key}
                label={f.label}
                withAsterisk={f.required}
                autosize
                minRows={4}
                value={String(values[f.key] ?? '')}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValues((x) => ({ ...x, [f.key]: v }));
                }}
                readOnly={locked}
                data-testid={`field-${f.key}`}
              />
            ))}
        </SectionCard>
        {save.error && <ErrorAlert error={save.error} />}
        {!locked && (
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => send(false)}
              loading={save.isPending && !save.variables?.submit}
              data-testid="save-draft"
            >
              {t('reports.saveDraft')}
            </Button>
            <Button
              onClick={() => send(true)}
              loading={save.isPending && !!save.variables?.submit}
              data-testid="submit-report"
            >
              {t('reports.submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
