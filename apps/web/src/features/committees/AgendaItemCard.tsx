import type { AgendaItem, MeetingDetail } from '@civicdesk/contracts/committees';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  darken,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  useMantineTheme,
} from '@mantine/core';
import IconAlertTriangle from '@tabler/icons-react/dist/esm/icons/IconAlertTriangle.mjs';
import IconFile from '@tabler/icons-react/dist/esm/icons/IconFile.mjs';
import IconLock from '@tabler/icons-react/dist/esm/icons/IconLock.mjs';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import IconUpload from '@tabler/icons-react/dist/esm/icons/IconUpload.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { ItemFormModal } from './ItemFormModal.tsx';
import { materialUrl, useConflict, useDeleteItem, useUploadMaterial } from './meetings.api.ts';
import { PollPanel } from './PollPanel.tsx';

type Props = { meeting: MeetingDetail; item: AgendaItem };
export const kindColors = { deliberation: 'blue', resolution: 'violet', report: 'gray' } as const;

const kb = (size: number) => `${formatNumber(Math.max(1, Math.round(size / 1024)), currentLocale())} KB`;

/** A member declares a conflict of interest on an item (이해충돌 회피): they leave its quorum and its vote. */
function ConflictDialog({ meeting, item, onClose }: Props & { onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const conflict = useConflict(meeting.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    conflict.mutate(
      { itemId: item.id, reason: reason.trim() },
      {
        onSuccess: () => {
          toast(t('committees.conflict.declared'), 'success');
          onClose();
        },
      },
    );
  };
  return (
    <Dialog opened onClose={onClose} title={t('committees.conflict.title')} size="lg" fullScreen={phone}>
      <Stack gap="md">
        <Text size="sm">{t('committees.conflict.explain', { item: item.title })}</Text>
        <Textarea
          label={t('committees.conflict.reason')}
          description={t('committees.conflict.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('common.required') : undefined}
          data-autofocus
          data-testid="conflict-reason"
        />
        <ErrorAlert error={conflict.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={submit} loading={conflict.isPending} data-testid="conflict-submit">
            {t('committees.conflict.submit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function Materials({ meeting, item }: Props) {
  const { t } = useTranslation();
  const upload = useUploadMaterial(meeting.id);
  const canUpload = meeting.me.canManage && meeting.status !== 'closed';
  if (item.materials.length === 0 && !canUpload) return null;
  return (
    <Stack gap={6}>
      {item.materials.length > 0 && (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {item.materials.map((m) => (
            <Group key={m.id} component="li" gap={6} wrap="nowrap">
              <IconFile size={18} aria-hidden style={{ flexShrink: 0 }} />
              <Anchor href={materialUrl(m.id)} target="_blank" rel="noopener" size="sm" truncate>
                {m.name}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {kb(m.size)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {canUpload && (
        <FileButton onChange={(file) => file && upload.mutate({ itemId: item.id, file })}>
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="subtle"
              w="fit-content"
              leftSection={<IconUpload size={16} aria-hidden />}
              loading={upload.isPending}
            >
              {t('committees.items.addMaterial')}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}

/** One agenda item: what it is, its papers, who stepped aside, and its vote. */
export function AgendaItemCard({ meeting, item }: Props) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const [declaring, setDeclaring] = useState(false);
  const [editing, setEditing] = useState(false);
  const withdraw = useConflict(meeting.id);
  const remove = useDeleteItem(meeting.id);
  const member = !!meeting.me.memberId && meeting.me.role !== 'secretary';
  const editable = meeting.me.canManage && (meeting.status === 'draft' || meeting.status === 'noticed');
  const voteStarted = item.polls.length > 0;
  // Once the member has voted, or the vote is over, a declaration would change nothing.
  const settled = item.polls.some((p) => p.status === 'closed' || !!p.myVote);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="li" data-testid="agenda-item">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Badge variant="light" color={kindColors[item.kind]}>
                {t(`committees.items.kinds.${item.kind}`)}
              </Badge>
              {item.closed && (
                <Badge variant="outline" color="dark" leftSection={<IconLock size={12} aria-hidden />}>
                  {t('committees.items.closed')}
                </Badge>
              )}
              {item.secret && !voteStarted && (
                <Badge variant="light" color="gray">
                  {t('committees.items.secretPlanned')}
                </Badge>
              )}
            </Group>
            <Title order={3} fz="md" lh={1.35}>
              {t('committees.items.numbered', { n: item.seq, title: item.title })}
            </Title>
          </Stack>
          {editable && (
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                onClick={() => setEditing(true)}
                aria-label={t('committees.items.edit')}
              >
                <IconPencil size={18} />
              </ActionIcon>
              {!voteStarted && (
                <ConfirmButton
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  px={6}
                  aria-label={t('committees.items.delete')}
                  title={t('committees.items.delete')}
                  message={t('committees.items.deleteMessage', { title: item.title })}
                  confirmLabel={t('committees.items.delete')}
                  onConfirm={() => remove.mutateAsync(item.id)}
                  danger
                >
                  <IconTrash size={18} aria-hidden />
                </ConfirmButton>
              )}
            </Group>
          )}
        </Group>
        {item.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.description}
          </Text>
        )}
        <Materials meeting={meeting} item={item} />
        {item.recused.length > 0 && (
          // Orange 9 is 4:1 on white; darkened like the theme's warm text colours for 4.5:1.
          <Text size="sm" c={darken(theme.colors.orange[9], 0.25)} data-testid="recused">
            <Text span fw={600}>
              {t('committees.conflict.recused')}:
            </Text>{' '}
            {item.recused.map((r) => `${r.name} (${r.reason})`).join('; ')}
          </Text>
        )}
        {member && meeting.status !== 'closed' && !(settled && item.myConflict === null) && (
          <Group gap="xs">
            {item.myConflict === null ? (
              <Button
                size="xs"
                variant="subtle"
                color="orange"
                leftSection={<IconAlertTriangle size={16} aria-hidden />}
                onClick={() => setDeclaring(true)}
                data-testid="declare-conflict"
              >
                {t('committees.conflict.declare')}
              </Button>
            ) : (
              <>
                <Badge color="orange" variant="light" tt="none">
                  {t('committees.conflict.youDeclared', { reason: item.myConflict })}
                </Badge>
                {!voteStarted && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => withdraw.mutate({ itemId: item.id, reason: null })}
                    loading={withdraw.isPending}
                  >
                    {t('committees.conflict.withdraw')}
                  </Button>
                )}
              </>
            )}
          </Group>
        )}
        <ErrorAlert error={withdraw.error} />
        <PollPanel meeting={meeting} item={item} />
      </Stack>
      {declaring && <ConflictDialog meeting={meeting} item={item} onClose={() => setDeclaring(false)} />}
      {editing && <ItemFormModal meetingId={meeting.id} item={item} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
