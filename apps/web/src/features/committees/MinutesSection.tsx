import type { MeetingDetail } from '@civicdesk/contracts/committees';
import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import IconDownload from '@tabler/icons-react/dist/esm/icons/IconDownload.mjs';
import IconSignature from '@tabler/icons-react/dist/esm/icons/IconSignature.mjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { DocumentBody } from '../documents/DocumentBody.tsx';
import { StepUpDialog } from '../signatures/StepUpDialog.tsx';
import { isExternalMember } from './committee-rules.ts';
import { minutesPdfUrl, useMinutes, useMinutesStep } from './meetings.api.ts';

// Tiptap is most of the editor's weight: loaded only when the secretary edits the summary.
const MinutesEditor = lazy(async () => ({ default: (await import('./MinutesEditor.tsx')).MinutesEditor }));

const statusColors = { draft: 'gray', circulated: 'blue', signed: 'teal' } as const;

/**
 * The minutes: generated from the record (attendance, quorum, recusals, votes, outcomes) plus the secretary's
 * summary; circulated to attendees for confirmation, then signed by the chair and filed in the register.
 */
export function MinutesSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const country = userCountry(me);
  const minutes = useMinutes(meeting.id, meeting.status === 'closed');
  const step = useMinutesStep(meeting.id);
  const sign = useMinutesStep(meeting.id);
  const [editing, setEditing] = useState(false);
  const [signing, setSigning] = useState(false);

  if (meeting.status !== 'closed') return null;
  const m = minutes.data;
  const manage = meeting.me.canManage;
  const confirmed = !!m?.confirmations.some((c) => c.name === me?.displayName);
  // The server says who confirms (attendees; voters in written deliberation) and who must sign (the presiding
  // chair or their stand-in; every member who voted on a written resolution).
  const attendee = !!m?.me.attendee;
  const signer = !!m?.me.signer;
  const signedByMe = !!m?.signatures.some((s) => s.name === me?.displayName);

  return (
    <SectionCard title={t('committees.minutes.title')} id="minutes">
      {minutes.isPending ? (
        <Loading />
      ) : minutes.error || !m ? (
        <ErrorAlert error={minutes.error} />
      ) : (
        <Stack gap="md" data-testid="minutes">
          <Group gap="xs" wrap="wrap">
            <Badge
              color={statusColors[m.status]}
              variant="light"
              data-testid="minutes-status"
              data-status={m.status}
            >
              {t(`committees.minutes.status.${m.status}`)}
            </Badge>
            {m.numberText && (
              <Text size="sm" data-testid="minutes-number">
                {t('committees.minutes.filed', { number: m.numberText })}{' '}
                {m.documentId && !isExternalMember(me) && (
                  <Anchor component={Link} to={`/documents/${m.documentId}`} size="sm">
                    {t('committees.minutes.openDocument')}
                  </Anchor>
                )}
              </Text>
            )}
          </Group>
          {editing ? (
            <Suspense fallback={<Loading />}>
              <MinutesEditor meetingId={meeting.id} minutes={m} onDone={() => setEditing(false)} />
            </Suspense>
          ) : m.summaryHtml.trim() ? (
            <DocumentBody html={m.summaryHtml} />
          ) : (
            <Text size="sm" c="dimmed">
              {t(manage ? 'committees.minutes.noSummaryManager' : 'committees.minutes.noSummary')}
            </Text>
          )}
          {m.confirmations.length > 0 && (
            <Text size="sm" data-testid="minutes-confirmations">
              <Text span fw={600}>
                {t('committees.minutes.confirmedBy')}:
              </Text>{' '}
              {m.confirmations.map((c) => `${c.name} (${formatDateTime(c.confirmedAt, country)})`).join(', ')}
            </Text>
          )}
          {m.signatures.length > 0 && (
            <Stack gap={4} data-testid="minutes-signatures">
              {m.signatures.map((s) => (
                <Group key={`${s.name}-${s.signedAt}`} gap={6}>
                  <IconSignature size={18} aria-hidden />
                  <Text size="sm">
                    {t('committees.minutes.signedBy', {
                      name: s.name,
                      role: t(`committees.roles.${s.role}`, { defaultValue: s.role }),
                      time: formatDateTime(s.signedAt, country),
                    })}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
          <ErrorAlert error={step.error} />
          {!editing && (
            <Group gap="sm" wrap="wrap">
              {manage && (
                <Button variant="default" onClick={() => setEditing(true)} data-testid="minutes-edit">
                  {t('committees.minutes.edit')}
                </Button>
              )}
              {manage && m.status === 'draft' && (
                <ConfirmButton
                  title={t('committees.minutes.circulateTitle')}
                  message={t('committees.minutes.circulateMessage')}
                  confirmLabel={t('committees.minutes.circulate')}
                  onConfirm={() =>
                    step.mutateAsync('circulate', {
                      onSuccess: () => toast(t('committees.minutes.circulated'), 'success'),
                    })
                  }
                  loading={step.isPending}
                  data-testid="minutes-circulate"
                >
                  {t('committees.minutes.circulate')}
                </ConfirmButton>
              )}
              {attendee && m.status === 'circulated' && !confirmed && (
                <Button
                  variant="light"
                  loading={step.isPending}
                  onClick={() =>
                    step.mutate('confirm', {
                      onSuccess: () => toast(t('committees.minutes.confirmedToast'), 'success'),
                    })
                  }
                  data-testid="minutes-confirm"
                >
                  {t('committees.minutes.confirm')}
                </Button>
              )}
              {signer && !signedByMe && m.status !== 'signed' && (
                <Button
                  leftSection={<IconSignature size={18} aria-hidden />}
                  onClick={() => setSigning(true)}
                  data-testid="minutes-sign"
                >
                  {t('committees.minutes.sign')}
                </Button>
              )}
              {m.hasPdf && (
                <>
                  <Button
                    component="a"
                    href={minutesPdfUrl(meeting.id)}
                    target="_blank"
                    variant="subtle"
                    leftSection={<IconDownload size={18} aria-hidden />}
                  >
                    {t('committees.minutes.pdf')}
                  </Button>
                  <Button
                    component="a"
                    href={minutesPdfUrl(meeting.id, true)}
                    target="_blank"
                    variant="subtle"
                    leftSection={<IconDownload size={18} aria-hidden />}
                  >
                    {t('committees.minutes.publicPdf')}
                  </Button>
                </>
              )}
            </Group>
          )}
          {m.status === 'signed' && manage && !editing && (
            <Alert variant="light" color="gray">
              {t('committees.minutes.signedNote')}
            </Alert>
          )}
        </Stack>
      )}
      {signing && (
        <StepUpDialog
          title={t('committees.minutes.signTitle')}
          description={t('committees.minutes.signHint')}
          submitLabel={t('committees.minutes.sign')}
          onVerified={() =>
            sign.mutate('sign', {
              onSuccess: () => {
                toast(t('committees.minutes.signed'), 'success');
                setSigning(false);
              },
            })
          }
          pending={sign.isPending}
          error={sign.error}
          onClose={() => setSigning(false)}
        />
      )}
    </SectionCard>
  );
}
