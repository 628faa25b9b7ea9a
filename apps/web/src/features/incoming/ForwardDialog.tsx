import type { DeliveryDetail } from '@civicdesk/contracts/dispatch';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { AgencySelect } from '../org/AgencySelect.tsx';
import { useDeliveryCommand } from './incoming.api.ts';

/** 이송 / chuyển: sends a copy that is not this agency's business on to the competent agency, with the reason. */
export function ForwardDialog({ delivery, onClose }: { delivery: DeliveryDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const forward = useDeliveryCommand(delivery.id, 'forward');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const submit = () =>
    forward.mutate(
      { toAgencyId: agencyId!, reason: reason.trim() },
      {
        onSuccess: () => {
          toast(t('incoming.forwarded'), 'success');
          onClose();
        },
      },
    );
  return (
    <Dialog opened onClose={onClose} title={t('incoming.actions.forward')} size="lg" fullScreen={phone}>
      <Stack data-testid="forward-dialog">
        <Text size="sm" c="dimmed">
          {t('incoming.forwardHint')}
        </Text>
        <AgencySelect
          label={t('incoming.forwardTarget')}
          value={agencyId}
          onChange={setAgencyId}
          keep={(a) => a.active && a.id !== delivery.toAgencyId}
          required
          data-testid="forward-agency"
        />
        <Textarea
          label={t('incoming.forwardReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          data-testid="forward-reason"
        />
        <ErrorAlert error={forward.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            disabled={!agencyId || !reason.trim()}
            loading={forward.isPending}
            data-testid="forward-confirm"
          >
            {t('incoming.actions.forward')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
