import type { Unit } from '@civicdesk/contracts/org';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTree, flattenTree, subtreeIds } from '../../lib/tree.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { useCreateUnit, useUpdateUnit } from './org.api.ts';

type Props = { agencyId: string; units: Unit[]; unit?: Unit; onClose: () => void };

/** Create a unit, or rename / move an existing one (not under itself or its own sub-units). */
export function UnitModal({ agencyId, units, unit, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateUnit(agencyId);
  const update = useUpdateUnit(agencyId);
  const mutation = unit ? update : create;
  const form = useForm({
    initialValues: { code: '', name: unit?.name ?? '', parentUnitId: unit?.parentUnitId ?? null },
    validate: {
      code: (v) => (unit || v.trim() ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const parentOptions = useMemo(() => {
    const tree = buildTree(
      units,
      (u) => u.id,
      (u) => u.parentUnitId,
      (a, b) => a.name.localeCompare(b.name),
    );
    const excluded = unit ? subtreeIds(tree, unit.id, (u) => u.id) : new Set<string>();
    return flattenTree(tree)
      .filter((n) => !excluded.has(n.item.id) && (n.item.active || n.item.id === unit?.parentUnitId))
      .map((n) => ({ value: n.item.id, label: `${'· '.repeat(n.depth)}${n.item.name}` }));
  }, [units, unit]);

  const submit = form.onSubmit((v) => {
    const done = {
      onSuccess: () => {
        toast(t('common.saved'), 'success');
        onClose();
      },
    };
    if (unit)
      update.mutate({ id: unit.id, patch: { name: v.name.trim(), parentUnitId: v.parentUnitId } }, done);
    else create.mutate({ code: v.code.trim(), name: v.name.trim(), parentUnitId: v.parentUnitId }, done);
  });

  return (
    <Dialog opened onClose={onClose} title={unit ? t('org.units.edit') : t('org.units.new')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={mutation.error} />
          {!unit && (
            <TextInput
              label={t('org.fields.code')}
              description={t('org.codeHint')}
              name="code"
              required
              {...form.getInputProps('code')}
            />
          )}
          <TextInput
            label={t('org.fields.name')}
            name="name"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label={t('org.units.parent')}
            placeholder={t('org.units.topLevel')}
            name="parentUnitId"
            data={parentOptions}
            clearable
            searchable
            {...form.getInputProps('parentUnitId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {unit ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
