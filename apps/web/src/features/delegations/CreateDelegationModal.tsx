import type { Agency, Delegation } from '@civicdesk/contracts/org';
import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../lib/format.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePeople } from '../people/people.api.ts';
import { type Mark, useCreateDelegation } from './delegations.api.ts';
import { marksFor } from './marks.ts';

type Kind = Delegation['kind'];

/** A head hands signing or approval to another person of the agency, for a period and a scope. */
export function CreateDelegationModal({ agency, onClose }: { agency: Agency; onClose: () => void }) {
  const { t } = useTranslation();
  const people = usePeople(agency.id);
  const create = useCreateDelegation(agency.id);
  const today = toIsoDate(new Date());
  const form = useForm({
    initialValues: {
      fromUserId: null as string | null,
      toUserId: null as string | null,
      kind: 'delegated' as Kind,
      mark: marksFor(agency.country, 'delegated')[0] as Mark,
      validFrom: today,
      validTo: today,
      scope: 'all',
      reason: '',
    },
    validate: {
      fromUserId: (v) => (v ? null : t('common.required')),
      toUserId: (v, all) =>
        !v ? t('common.required') : v === all.fromUserId ? t('delegations.samePerson') : null,
      validFrom: (v) => (v ? null : t('common.required')),
      validTo: (v, all) =>
        !v ? t('common.required') : v < all.validFrom ? t('delegations.endBeforeStart') : null,
      scope: (v) => (v.trim() ? null : t('common.required')),
    },
  });

  const personOptions = (people.data ?? [])
    .filter((p) => p.active)
    .map((p) => ({ value: p.id, label: `${p.displayName} (${p.username})` }));
  const markOptions = marksFor(agency.country, form.values.kind).map((m) => ({
    value: m,
    label: t(`delegations.marks.${m}`),
  }));

  function setKind(kind: Kind) {
    form.setValues({ kind, mark: marksFor(agency.country, kind)[0] });
  }

  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        fromUserId: v.fromUserId!,
        toUserId: v.toUserId!,
        kind: v.kind,
        mark: v.mark,
        scope: v.scope.trim(),
        validFrom: v.validFrom,
        validTo: v.validTo,
        reason: v.reason.trim() || undefined,
      },
      {
        onSuccess: () => {
          toast(t('delegations.created'), 'success');
          onClose();
        },
      },
    ),
  );

  return (
    <Dialog opened onClose={onClose} title={t('delegations.new')} size="xl" centered>
      <form onSubmit={submit} noValidate data-testid="create-delegation-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(agency.country === 'kr' ? 'delegations.hintKr' : 'delegations.hintVn')}
          </Text>
          <ErrorAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('delegations.from')}
              description={t('delegations.fromHint')}
              name="fromUserId"
              data={personOptions}
              searchable
              required
              {...form.getInputProps('fromUserId')}
            />
            <Select
              label={t('delegations.to')}
              description={t('delegations.toHint')}
              name="toUserId"
              data={personOptions}
              searchable
              required
              {...form.getInputProps('toUserId')}
            />
            <Select
              label={t('delegations.kind')}
              name="kind"
              data={(['delegated', 'acting'] as const).map((k) => ({
                value: k,
                label: t(`delegations.kinds.${k}`),
              }))}
              allowDeselect={false}
              value={form.values.kind}
              onChange={(k) => k && setKind(k as Kind)}
            />
            <Select
              label={t('delegations.mark')}
              name="mark"
              data={markOptions}
              allowDeselect={false}
              required
              {...form.getInputProps('mark')}
            />
            <TextInput
              type="date"
              label={t('delegations.validFrom')}
              name="validFrom"
              required
              {...form.getInputProps('validFrom')}
            />
            <TextInput
              type="date"
              label={t('delegations.validTo')}
              name="validTo"
              required
              {...form.getInputProps('validTo')}
            />
          </SimpleGrid>
          <TextInput
            label={t('delegations.scope')}
            description={t('delegations.scopeHint')}
            name="scope"
            maxLength={120}
            required
            {...form.getInputProps('scope')}
          />
          <Textarea
            label={t('delegations.reason')}
            name="reason"
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
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
