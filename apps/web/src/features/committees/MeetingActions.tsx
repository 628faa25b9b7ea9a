import type { CommitteeDetail, MeetingDetail } from '@civicdesk/contracts/committees';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { quorumSentence } from './committee-rules.ts';
import { ItemFormModal } from './ItemFormModal.tsx';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import { useMeetingStep } from './meetings.api.ts';

type Props = { meeting: MeetingDetail; committee: CommitteeDetail | undefined };

/**
 * The secretary's bar: build the agenda, send the notice, open (the server refuses without quorum and says why),
 * close. Each step asks once: they notify members and cannot be taken back.
 */
export function MeetingActions({ meeting, committee }: Props) {
  const { t } = useTranslation();
  const step = useMeetingStep(meeting.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const written = meeting.mode === 'written';
  const preparing = meeting.status === 'draft' || meeting.status === 'noticed';
  const voters = meeting.attendance.filter((a) => a.role !== 'secretary').length;
  const run = (s: Parameters<typeof step.mutateAsync>[0], done: string) =>
    step.mutateAsync(s, { onSuccess: () => toast(t(done), 'success') });

  if (meeting.status === 'closed') return null;
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid="meeting-actions">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          {meeting.status === 'draft' && (
            <ConfirmButton
              title={t('committees.steps.noticeTitle')}
              message={t('committees.steps.noticeMessage', { count: voters })}
              confirmLabel={t('committees.steps.notice')}
              onConfirm={() => run('notice', 'committees.steps.noticed')}
              loading={step.isPending}
              disabled={meeting.items.length === 0}
              data-testid="send-notice"
            >
              {t('committees.steps.notice')}
            </ConfirmButton>
          )}
          {!written && meeting.status === 'noticed' && (
            <ConfirmButton
              color="teal.9"
              title={t('committees.steps.openTitle')}
              message={t('committees.steps.openMessage', { quorum: quorumSentence(t, meeting.quorumNow) })}
              confirmLabel={t('committees.steps.open')}
              onConfirm={() => run('open', 'committees.steps.opened')}
              loading={step.isPending}
              data-testid="open-meeting"
            >
              {t('committees.steps.open')}
            </ConfirmButton>
          )}
          {!written && meeting.status === 'open' && (
            <ConfirmButton
              color="dark"
              title={t('committees.steps.closeTitle')}
              message={t('committees.steps.closeMessage')}
              confirmLabel={t('committees.steps.close')}
              onConfirm={() => run('close', 'committees.steps.closed')}
              loading={step.isPending}
              data-testid="close-meeting"
            >
              {t('committees.steps.close')}
            </ConfirmButton>
          )}
          {written && meeting.status !== 'draft' && (
            <ConfirmButton
              color="dark"
              title={t('committees.steps.writtenCloseTitle')}
              message={t('committees.steps.writtenCloseMessage')}
              confirmLabel={t('committees.steps.writtenClose')}
              onConfirm={() => run('written/close', 'committees.steps.closed')}
              loading={step.isPending}
              danger
              data-testid="close-written"
            >
              {t('committees.steps.writtenClose')}
            </ConfirmButton>
          )}
          {preparing && (
            <Button
              variant="default"
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setAdding(true)}
              data-testid="add-item"
            >
              {t('committees.items.add')}
            </Button>
          )}
          {meeting.status === 'draft' && committee && (
            <Button
              variant="subtle"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('committees.meeting.edit')}
            </Button>
          )}
        </Group>
        {meeting.status === 'draft' && meeting.items.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('committees.steps.needItems')}
          </Text>
        )}
        <ErrorAlert error={step.error} />
      </Stack>
      {adding && <ItemFormModal meetingId={meeting.id} onClose={() => setAdding(false)} />}
      {editing && committee && (
        <MeetingFormModal committee={committee} meeting={meeting} onClose={() => setEditing(false)} />
      )}
    </Paper>
  );
}
