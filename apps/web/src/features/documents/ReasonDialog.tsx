import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { usePhone } from './useScreen.ts';

type Props = {
  title: string;
  label: string;
  confirmLabel: string;
  description?: string;
  danger?: boolean;
  maxLength?: number;
  loading: boolean;
  error: unknown;
  onConfirm: (text: string) => void;
  onClose: () => void;
  testId?: string;
};

/** Asks for the one text an action needs (a reason, a result note, a report) before doing it. */
export function ReasonDialog(props: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  function confirm() {
    if (!text.trim()) return setMissing(true);
    props.onConfirm(text.trim());
  }
  return (
    <Dialog opened onClose={props.onClose} title={props.title} size="lg" fullScreen={phone}>
      <Stack gap="md" data-testid={props.testId}>
        {props.description && (
          <Text size="sm" c="dimmed">
            {props.description}
          </Text>
        )}
        <Textarea
          label={props.label}
          required
          autosize
          minRows={3}
          maxLength={props.maxLength ?? 1000}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('common.required') : undefined}
          data-autofocus
          data-testid="reason-input"
        />
        <ErrorAlert error={props.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.danger ? 'red.9' : undefined}
            onClick={confirm}
            loading={props.loading}
            data-testid="reason-confirm"
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
