import {
  buildDraftSchema,
  buildValuesSchema,
  type FormDefinition,
  type FormField,
  labelIn,
  type SubmissionValues,
} from '@civicdesk/contracts/services';
import { FileInput, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { uploadPortalFile } from './services.api.ts';

// A procedure's form, rendered from its definition and checked with the very schema the server applies.

type Raw = Record<string, unknown>;

/** Drops what a person left empty, so an optional field is absent rather than an empty string. */
export function cleanValues(raw: Raw): SubmissionValues {
  const out: Raw = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === '' || value === null || value === undefined) continue;
    if (typeof value === 'object' && 'street' in (value as Raw)) {
      const a = value as Record<string, string>;
      if (!a.street && !a.district && !a.city) continue;
    }
    out[key] = value;
  }
  return out as SubmissionValues;
}

/** Field key → message for every field the schema refuses; empty when the values pass. */
export function validateForm(
  form: FormDefinition,
  values: SubmissionValues,
  complete: boolean,
  required: string,
) {
  const parsed = (complete ? buildValuesSchema(form) : buildDraftSchema(form)).safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      errors[key] ??= values[key] === undefined ? required : issue.message;
    }
  return errors;
}

type Props = {
  form: FormDefinition;
  values: Raw;
  onChange: (values: Raw) => void;
  errors: Record<string, string>;
  /** Only these fields (answers to a request for information); all when absent. */
  only?: string[];
};

export function DynamicForm({ form, values, onChange, errors, only }: Props) {
  const fields = only ? form.fields.filter((f) => only.includes(f.key)) : form.fields;
  return (
    <Stack gap="md">
      {fields.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={values[field.key]}
          error={errors[field.key]}
          onChange={(v) => onChange({ ...values, [field.key]: v })}
        />
      ))}
    </Stack>
  );
}

function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: FormField;
  value: unknown;
  error?: string;
  onChange: (v: unknown) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = labelIn(field.label, locale);
  const common = { label, required: field.required, error, 'data-testid': `field-${field.key}` };
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={(value as number) ?? ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? undefined : Number(v))}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: labelIn(o.label, locale) }))}
          value={(value as string) ?? null}
          onChange={(v) => onChange(v ?? undefined)}
          allowDeselect={!field.required}
        />
      );
    case 'address': {
      const a = (value as Record<string, string>) ?? { street: '', district: '', city: '' };
      const set = (k: string, v: string) => onChange({ ...a, [k]: v });
      return (
        <Stack gap={4} data-testid={`field-${field.key}`}>
          <Text size="sm" fw={500}>
            {label}
            {field.required && (
              <Text span c="red">
                {' '}
                *
              </Text>
            )}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput
              aria-label={t('services.form.street')}
              placeholder={t('services.form.street')}
              value={a.street ?? ''}
              onChange={(e) => set('street', e.currentTarget.value)}
            />
            <TextInput
              aria-label={t('services.form.district')}
              placeholder={t('services.form.district')}
              value={a.district ?? ''}
              onChange={(e) => set('district', e.currentTarget.value)}
            />
            <TextInput
              aria-label={t('services.form.city')}
              placeholder={t('services.form.city')}
              value={a.city ?? ''}
              onChange={(e) => set('city', e.currentTarget.value)}
            />
          </SimpleGrid>
          {error && (
            <Text size="xs" c="red">
              {error}
            </Text>
          )}
        </Stack>
      );
    }
    case 'file': {
      const ref = value as { name: string } | undefined;
      return (
        <FileInput
          {...common}
          error={error ?? uploadError}
          placeholder={ref?.name ?? t('services.form.chooseFile')}
          // Mantine's dimmed placeholder is below 4.5:1 on white.
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          description={
            uploading
              ? t('services.form.uploading')
              : ref
                ? t('services.form.attached', { name: ref.name })
                : undefined
          }
          clearable
          onChange={async (file) => {
            setUploadError(null);
            if (!file) return onChange(undefined);
            setUploading(true);
            try {
              onChange(await uploadPortalFile(file));
            } catch (e) {
              setUploadError(errorMessage(e));
            } finally {
              setUploading(false);
            }
          }}
        />
      );
    }
  }
}
