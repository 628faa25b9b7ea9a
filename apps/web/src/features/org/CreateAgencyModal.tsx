import type { Country } from '@civicdesk/contracts/common';
import type { Agency } from '@civicdesk/contracts/org';
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { useMe } from '../auth/auth.api.ts';
import { AgencySelect } from './AgencySelect.tsx';
import { useCreateAgency, useTiers } from './org.api.ts';

type Props = {
  opened: boolean;
  onClose: () => void;
  defaultParent?: Agency;
  onCreated: (agency: Agency) => void;
};

export function CreateAgencyModal({ opened, onClose, defaultParent, onCreated }: Props) {
  const { t } = useTranslation();
  const me = useMe().data;
  const tiers = useTiers();
  const create = useCreateAgency();
  const parent = defaultParent?.canAdmin ? defaultParent : undefined;
  const form = useForm({
    initialValues: {
      parentId: parent?.id ?? null,
      tier: '',
      country: (parent?.country ?? 'vn') as Country,
      code: '',
      name: '',
      shortName: '',
      address: '',
    },
    validate: {
      parentId: (v) => (v || me?.isPlatformAdmin ? null : t('common.required')),
      tier: (v) => (v ? null : t('common.required')),
      code: (v) => (/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(v.trim()) ? null : t('org.codeHint')),
      name: (v) => (v.trim() ? null : t('common.required')),
    },
  });

  // Reopening starts from the agency selected in the tree.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only on open
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      parentId: parent?.id ?? null,
      country: parent?.country ?? 'vn',
      tier: '',
      code: '',
      name: '',
      shortName: '',
      address: '',
    });
    create.reset();
  }, [opened]);

  const tierOptions = [...(tiers.data ?? [])]
    .sort((a, b) => a.rank - b.rank)
    .map((tier) => ({ value: tier.code, label: tier.labels[currentLocale()] }));

  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        parentId: v.parentId,
        tier: v.tier,
        country: v.country,
        code: v.code.trim(),
        name: v.name.trim(),
        shortName: v.shortName.trim() || undefined,
        address: v.address.trim() || undefined,
      },
      {
        onSuccess: (agency) => {
          toast(t('org.created', { name: agency.name }), 'success');
          onCreated(agency);
          onClose();
        },
      },
    ),
  );

  return (
    <Dialog opened={opened} onClose={onClose} title={t('org.newAgency')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="create-agency-form">
        <Stack gap="md">
          <ErrorAlert error={create.error} />
          <AgencySelect
            label={t('org.fields.parent')}
            name="parentId"
            placeholder={t('org.topLevel')}
            clearable={!!me?.isPlatformAdmin}
            required={!me?.isPlatformAdmin}
            keep={(a) => a.canAdmin && a.active}
            value={form.values.parentId}
            error={form.errors.parentId}
            onChange={(id) => form.setFieldValue('parentId', id)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('org.fields.tier')}
              name="tier"
              data={tierOptions}
              required
              allowDeselect={false}
              {...form.getInputProps('tier')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="country-label">
                {t('org.fields.country')}
              </Text>
              <SegmentedControl
                aria-labelledby="country-label"
                data={[
                  { value: 'vn', label: t('countries.vn') },
                  { value: 'kr', label: t('countries.kr') },
                ]}
                {...form.getInputProps('country')}
              />
            </Stack>
            <TextInput
              label={t('org.fields.code')}
              description={t('org.codeHint')}
              name="code"
              required
              {...form.getInputProps('code')}
            />
            <TextInput
              label={t('org.fields.shortName')}
              name="shortName"
              {...form.getInputProps('shortName')}
            />
          </SimpleGrid>
          <TextInput label={t('org.fields.name')} name="name" required {...form.getInputProps('name')} />
          <TextInput label={t('org.fields.address')} name="address" {...form.getInputProps('address')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
