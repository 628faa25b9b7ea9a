import { labelIn, type Submission, type SubmissionValues } from '@civicdesk/contracts/services';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { showDate, showDateTime, stateColor } from './fmt.ts';

type Props = { submission: Submission; fileUrl?: (sha256: string) => string };

export function StateBadge({ state, overdue }: { state: string; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={stateColor[state]} variant="light" data-testid="submission-state" data-state={state}>
        {t(`services.state.${state}`)}
      </Badge>
      {overdue && (
        <Badge color="red" data-testid="overdue">
          {t('services.overdue')}
        </Badge>
      )}
    </Group>
  );
}

function valueText(value: SubmissionValues[string] | undefined, fileUrl?: (sha: string) => string) {
  if (value === undefined) return '—';
  if (typeof value === 'object' && 'street' in value)
    return `${value.street}, ${value.district}, ${value.city}`;
  if (typeof value === 'object' && 'sha256' in value)
    return fileUrl ? <Anchor href={fileUrl(value.sha256)}>{value.name}</Anchor> : value.name;
  return String(value);
}

/** The answers, the dates that matter and the history, as both sides see them. */
export function SubmissionDetails({ submission: s, fileUrl }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const optionLabel = (key: string, v: unknown) => {
    const field = s.form.fields.find((f) => f.key === key);
    const option = field?.options?.find((o) => o.value === v);
    return option ? labelIn(option.label, locale) : undefined;
  };
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group gap="lg" style={{ rowGap: 6 }} wrap="wrap">
          <StateBadge state={s.state} overdue={s.overdue} />
          {s.numberText && (
            <Text size="sm">
              {t('services.number')}: <b>{s.numberText}</b>
            </Text>
          )}
          {s.submittedAt && (
            <Text size="sm">
              {t('services.submittedAt')}: {showDateTime(s.submittedAt)}
            </Text>
          )}
          {s.deadline && (
            <Text size="sm">
              {t('services.deadline')}: <b>{showDate(s.deadline)}</b>
            </Text>
          )}
          {s.pausedDays > 0 && <Text size="sm">{t('services.paused', { n: s.pausedDays })}</Text>}
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Table variant="vertical" layout="fixed" withRowBorders>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%">{t('services.applicant')}</Table.Th>
              <Table.Td>
                {s.applicantName}
                {s.isGuest && ` (${t('services.guest')})`}
              </Table.Td>
            </Table.Tr>
            {s.form.fields.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Th>{labelIn(f.label, locale)}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {optionLabel(f.key, s.values[f.key]) ?? valueText(s.values[f.key], fileUrl)}
                </Table.Td>
              </Table.Tr>
            ))}
            {s.consentPurpose && (
              <Table.Tr>
                <Table.Th>{t('services.consent')}</Table.Th>
                <Table.Td>{s.consentPurpose}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {s.events.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="sm">
            {t('services.history')}
          </Text>
          <Timeline bulletSize={14} lineWidth={2}>
            {s.events.map((e) => (
              <Timeline.Item
                key={`${e.at}-${e.kind}`}
                title={t(`services.event.${e.kind}`)}
                data-testid={`event-${e.kind}`}
              >
                <Text size="xs" c="dimmed">
                  {showDateTime(e.at)}
                  {e.actorName && ` · ${e.actorName}`}
                </Text>
                {e.message && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {e.message}
                  </Text>
                )}
                {e.values && Object.keys(e.values).length > 0 && (
                  <Text size="xs" mt={4}>
                    {Object.entries(e.values).map(([k, v]) => (
                      <span key={k}>
                        {labelIn(s.form.fields.find((f) => f.key === k)?.label ?? k, locale)}:{' '}
                        {valueText(v, fileUrl)};{' '}
                      </span>
                    ))}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      )}
    </Stack>
  );
}
