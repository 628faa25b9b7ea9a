import { Button, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { dayBoundary } from '../../lib/format.ts';
import { AgencySelect } from '../org/AgencySelect.tsx';
import type { AuditFilter } from './audit.api.ts';

const initialValues = { agencyId: null as string | null, action: '', actor: '', from: '', to: '' };

export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues,
    validate: { to: (v, all) => (v && all.from && v < all.from ? t('audit.endBeforeStart') : null) },
  });

  const apply = form.onSubmit((v) =>
    onApply({
      agencyId: v.agencyId ?? undefined,
      action: v.action.trim() || undefined,
      actor: v.actor.trim() || undefined,
      from: v.from ? dayBoundary(v.from, 'start') : undefined,
      to: v.to ? dayBoundary(v.to, 'end') : undefined,
    }),
  );

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={apply}
      noValidate
      data-testid="audit-filters"
      aria-label={t('audit.filters')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
        <AgencySelect
          label={t('common.agency')}
          name="agencyId"
          placeholder={t('audit.allAgencies')}
          clearable
          value={form.values.agencyId}
          onChange={(id) => form.setFieldValue('agencyId', id)}
        />
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          name="action"
          {...form.getInputProps('action')}
        />
        <TextInput
          label={t('audit.actor')}
          placeholder={t('audit.actorPlaceholder')}
          name="actor"
          autoCapitalize="none"
          {...form.getInputProps('actor')}
        />
        <TextInput type="date" label={t('audit.from')} name="from" {...form.getInputProps('from')} />
        <TextInput type="date" label={t('audit.to')} name="to" {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group justify="flex-end" mt="md" gap="sm">
        <Button
          variant="default"
          onClick={() => {
            form.setValues(initialValues);
            onApply({});
          }}
        >
          {t('audit.reset')}
        </Button>
        <Button type="submit">{t('audit.apply')}</Button>
      </Group>
    </Paper>
  );
}
