import { Button, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { dropdownBelow } from '../documents/combobox.ts';
import { usePhone } from '../documents/useScreen.ts';

type Option = { value: string; label: string };

type Props = {
  title: string;
  label: string;
  description?: string;
  confirmLabel: string;
  options: Option[];
  multiple?: boolean;
  loading: boolean;
  error: unknown;
  onConfirm: (values: string[]) => void;
  onClose: () => void;
  testId?: string;
};

/** Choose a unit (배부 / phân phối) or people (공람 / để biết) and confirm. */
export function PickDialog(props: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [values, setValues] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const error = missing ? t('common.required') : undefined;
  function confirm() {
    if (values.length === 0) return setMissing(true);
    props.onConfirm(values);
  }
  return (
    <Dialog opened onClose={props.onClose} title={props.title} size="lg" fullScreen={phone}>
      <Stack gap="md" data-testid={props.testId}>
        {props.description && (
          <Text size="sm" c="dimmed">
            {props.description}
          </Text>
        )}
        {props.multiple ? (
          <MultiSelect
            comboboxProps={dropdownBelow}
            label={props.label}
            data={props.options}
            value={values}
            onChange={(v) => {
              setValues(v);
              setMissing(false);
            }}
            searchable
            required
            error={error}
            data-testid="pick-input"
          />
        ) : (
          <Select
            comboboxProps={dropdownBelow}
            label={props.label}
            data={props.options}
            value={values[0] ?? null}
            onChange={(v) => {
              setValues(v ? [v] : []);
              setMissing(false);
            }}
            searchable
            required
            error={error}
            data-testid="pick-input"
          />
        )}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={props.loading} data-testid="pick-confirm">
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
