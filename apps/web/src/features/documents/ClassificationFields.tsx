import { Select, Stack, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { dropdownBelow } from './combobox.ts';
import { confidentialities, disclosures, retentions, urgencies } from './document-meta.ts';
import type { EditorValues } from './editor-form.ts';

type Props = { form: UseFormReturnType<EditorValues>; disabled: boolean };

/** Urgency, secrecy, disclosure class (with the reason when not public) and retention period. */
export function ClassificationFields({ form, disabled }: Props) {
  const { t } = useTranslation();
  const options = (name: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`doc.${name}.${v}`) }));
  return (
    <Stack gap="sm">
      <Select
        comboboxProps={dropdownBelow}
        label={t('doc.fields.urgency')}
        data={options('urgency', urgencies)}
        allowDeselect={false}
        disabled={disabled}
        data-testid="field-urgency"
        {...form.getInputProps('urgency')}
      />
      <Select
        comboboxProps={dropdownBelow}
        label={t('doc.fields.confidentiality')}
        description={t('editor.confidentialityHint')}
        data={options('confidentiality', confidentialities)}
        allowDeselect={false}
        disabled={disabled}
        {...form.getInputProps('confidentiality')}
      />
      <Select
        comboboxProps={dropdownBelow}
        label={t('doc.fields.disclosure')}
        data={options('disclosure', disclosures)}
        allowDeselect={false}
        disabled={disabled}
        {...form.getInputProps('disclosure')}
      />
      {form.values.disclosure !== 'public' && (
        <Textarea
          label={t('doc.fields.disclosureReason')}
          description={t('editor.disclosureReasonHint')}
          autosize
          minRows={2}
          required
          disabled={disabled}
          {...form.getInputProps('disclosureReason')}
        />
      )}
      <Select
        comboboxProps={dropdownBelow}
        label={t('doc.fields.retention')}
        data={options('retention', retentions)}
        allowDeselect={false}
        disabled={disabled}
        {...form.getInputProps('retention')}
      />
    </Stack>
  );
}
