import type { FieldType, FormField } from '@civicdesk/contracts/services';
import { ActionIcon, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import IconArrowUp from '@tabler/icons-react/dist/esm/icons/IconArrowUp.mjs';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { useTranslation } from 'react-i18next';

const types: FieldType[] = ['text', 'number', 'date', 'choice', 'file', 'address'];

type Labels = { ko?: string; vi?: string; en?: string };
const asLabels = (l: FormField['label']): Labels => (typeof l === 'string' ? { vi: l } : l);

/** One field of a procedure's form: key, type, label per language, required, options of a choice. */
export function FieldEditor({
  field,
  onChange,
  onRemove,
  onUp,
}: {
  field: FormField;
  onChange: (f: FormField) => void;
  onRemove: () => void;
  onUp?: () => void;
}) {
  const { t } = useTranslation();
  const labels = asLabels(field.label);
  const setLabel = (lang: keyof Labels, value: string) =>
    onChange({ ...field, label: { ...labels, [lang]: value || undefined } });
  const optionsText = (field.options ?? [])
    .map(
      (o) =>
        `${o.value}=${typeof o.label === 'string' ? o.label : (o.label.vi ?? o.label.ko ?? o.label.en ?? '')}`,
    )
    .join('\n');
  return (
    <Paper withBorder p="sm" radius="md" data-testid="field-editor">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" align="flex-end">
          <TextInput
            label={t('services.fields.key')}
            value={field.key}
            onChange={(e) => onChange({ ...field, key: e.currentTarget.value })}
            w={140}
          />
          <Select
            label={t('services.fields.type')}
            data={types.map((v) => ({ value: v, label: t(`services.fields.types.${v}`) }))}
            value={field.type}
            onChange={(v) => v && onChange({ ...field, type: v as FieldType })}
            w={140}
          />
          <Checkbox
            label={t('services.fields.required')}
            checked={field.required}
            onChange={(e) => onChange({ ...field, required: e.currentTarget.checked })}
            mb={8}
          />
          <Group gap={4} ml="auto">
            {onUp && (
              <ActionIcon variant="subtle" onClick={onUp} aria-label={t('services.fields.up')}>
                <IconArrowUp size={16} />
              </ActionIcon>
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('services.fields.remove')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {(['vi', 'ko', 'en'] as const).map((lang) => (
            <TextInput
              key={lang}
              label={t('services.fields.label', { lang: lang.toUpperCase() })}
              value={labels[lang] ?? ''}
              onChange={(e) => setLabel(lang, e.currentTarget.value)}
            />
          ))}
        </SimpleGrid>
        {field.type === 'choice' && (
          <TextInput
            label={t('services.fields.options')}
            description={t('services.fields.optionsHint')}
            defaultValue={optionsText.replace(/\n/g, '; ')}
            onBlur={(e) =>
              onChange({
                ...field,
                options: e.currentTarget.value
                  .split(';')
                  .map((s) => s.trim())
                  .filter(Boolean)
                  .map((s) => {
                    const [value, ...rest] = s.split('=');
                    return { value: value!.trim(), label: rest.join('=').trim() || value!.trim() };
                  }),
              })
            }
          />
        )}
      </Stack>
    </Paper>
  );
}
