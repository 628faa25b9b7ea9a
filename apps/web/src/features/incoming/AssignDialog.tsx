import type { DeliveryDetail } from '@civicdesk/contracts/dispatch';
import { Button, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayBoundary, toIsoDate } from '../../lib/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { usePhone } from '../documents/useScreen.ts';
import { useDeliveryCommand } from './incoming.api.ts';

type Option = { value: string; label: string };

type Props = { delivery: DeliveryDetail; people: Option[]; onClose: () => void };

/**
 * The head's assignment (Decree 30 Art. 21; 처리담당자 지정): a lead handler (chủ trì), co-handlers (phối hợp),
 * a deadline (hạn xử lý / 처리기한) and an instruction (ý kiến chỉ đạo).
 */
export function AssignDialog({ delivery: d, people, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const assign = useDeliveryCommand(d.id, 'assign');
  const current = (role: 'lead' | 'co') => d.people.filter((p) => p.role === role).map((p) => p.userId);
  const [lead, setLead] = useState<string | null>(current('lead')[0] ?? null);
  const [co, setCo] = useState<string[]>(current('co'));
  const [deadline, setDeadline] = useState(d.deadline ? toIsoDate(new Date(d.deadline)) : '');
  const [instruction, setInstruction] = useState('');
  const [missing, setMissing] = useState(false);

  function confirm() {
    if (!lead) return setMissing(true);
    assign.mutate(
      {
        leadId: lead,
        coIds: co.filter((id) => id !== lead),
        deadline: deadline ? dayBoundary(deadline, 'end') : null,
        instruction: instruction.trim() || null,
      },
      {
        onSuccess: () => {
          toast(t('incoming.assigned'), 'success');
          onClose();
        },
      },
    );
  }

  return (
    <Dialog opened onClose={onClose} title={t('incoming.actions.assign')} size="lg" fullScreen={phone}>
      <Stack gap="md" data-testid="assign-dialog">
        <Text size="sm" c="dimmed">
          {t('incoming.assignHint')}
        </Text>
        <Select
          comboboxProps={dropdownBelow}
          label={t('incoming.lead')}
          data={people}
          value={lead}
          onChange={(v) => {
            setLead(v);
            setMissing(false);
          }}
          searchable
          required
          error={missing ? t('common.required') : undefined}
          data-testid="assign-lead"
        />
        <MultiSelect
          comboboxProps={dropdownBelow}
          label={t('incoming.co')}
          data={people.filter((p) => p.value !== lead)}
          value={co}
          onChange={setCo}
          searchable
          data-testid="assign-co"
        />
        <TextInput
          type="date"
          label={t('incoming.deadline')}
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          min={toIsoDate(new Date())}
          w={{ base: '100%', sm: 220 }}
          data-testid="assign-deadline"
        />
        <Textarea
          label={t('incoming.instruction')}
          autosize
          minRows={2}
          maxLength={2000}
          value={instruction}
          onChange={(e) => setInstruction(e.currentTarget.value)}
        />
        <ErrorAlert error={assign.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={assign.isPending} data-testid="assign-confirm">
            {t('incoming.actions.assign')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
