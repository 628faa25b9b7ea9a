import type { Agency } from '@civicdesk/contracts/org';
import { Button, Divider, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { subtreeIds } from '../../lib/tree.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { toast } from '../../ui/toast.ts';
import { useMe } from '../auth/auth.api.ts';
import { AgencySelect } from './AgencySelect.tsx';
import type { AgencyNode } from './agencies.ts';
import { type AgencyPatch, useUpdateAgency } from './org.api.ts';

type Props = { agency: Agency; agencies: Agency[]; tree: AgencyNode[] };

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/** Rename, move under another agency, and deactivate or reactivate. */
export function AgencyDetails({ agency, agencies, tree }: Props) {
  const { t } = useTranslation();
  const me = useMe().data;
  const update = useUpdateAgency();
  const readOnly = !agency.canAdmin;
  const below = useMemo(() => subtreeIds(tree, agency.id, (a) => a.id), [tree, agency.id]);
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const form = useForm({
    initialValues: {
      name: agency.name,
      shortName: agency.shortName ?? '',
      address: agency.address ?? '',
      parentId: agency.parentId,
    },
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });

  const submit = form.onSubmit((v) => {
    const patch: AgencyPatch = {
      name: v.name.trim(),
      shortName: orNull(v.shortName),
      address: orNull(v.address),
    };
    if (v.parentId !== agency.parentId) patch.parentId = v.parentId;
    update.mutate(
      { id: agency.id, patch },
      {
        onSuccess: () => {
          form.resetDirty();
          toast(t('common.saved'), 'success');
        },
      },
    );
  });

  const setActive = (active: boolean) => update.mutateAsync({ id: agency.id, patch: { active } });
  // Moving to the top level is a platform decision; an agency admin moves within what they administer.
  const canBeTopLevel = !!me?.isPlatformAdmin;

  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('org.fields.name')}
              name="name"
              required
              disabled={readOnly}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('org.fields.shortName')}
              name="shortName"
              disabled={readOnly}
              {...form.getInputProps('shortName')}
            />
          </SimpleGrid>
          <TextInput
            label={t('org.fields.address')}
            name="address"
            disabled={readOnly}
            {...form.getInputProps('address')}
          />
          <AgencySelect
            label={t('org.fields.parent')}
            description={t('org.moveHint')}
            name="parentId"
            placeholder={t('org.topLevel')}
            clearable={canBeTopLevel}
            disabled={readOnly}
            keep={(a) => !below.has(a.id) && (a.canAdmin || a.id === agency.parentId)}
            value={form.values.parentId}
            onChange={(id) => form.setFieldValue('parentId', id)}
          />
          {form.values.parentId !== agency.parentId && (
            <Text size="sm" c="orange.9">
              {t('org.moveWarning', {
                from: (agency.parentId && byId.get(agency.parentId)?.name) || t('org.topLevel'),
                to: (form.values.parentId && byId.get(form.values.parentId)?.name) || t('org.topLevel'),
              })}
            </Text>
          )}
          {!readOnly && (
            <Group>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {!readOnly && (
        <>
          <Divider />
          <Group justify="space-between" align="center" wrap="wrap" gap="sm">
            <div>
              <Text fw={600} size="sm">
                {agency.active ? t('org.deactivateTitle') : t('org.reactivateTitle')}
              </Text>
              <Text size="sm" c="dimmed" maw={480}>
                {agency.active ? t('org.deactivateHint') : t('org.reactivateHint')}
              </Text>
            </div>
            <ConfirmButton
              variant="outline"
              color={agency.active ? 'red' : 'civic'}
              danger={agency.active}
              title={agency.active ? t('org.deactivateTitle') : t('org.reactivateTitle')}
              message={t(agency.active ? 'org.deactivateConfirm' : 'org.reactivateConfirm', {
                name: agency.name,
              })}
              confirmLabel={agency.active ? t('common.deactivate') : t('common.reactivate')}
              onConfirm={() => setActive(!agency.active)}
            >
              {agency.active ? t('common.deactivate') : t('common.reactivate')}
            </ConfirmButton>
          </Group>
        </>
      )}
    </Stack>
  );
}
