import { ActionIcon, Alert, Button, Group, Stack, Table, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { supportsPasskeys } from '../auth/webauthn.ts';
import { useAddPasskey, usePasskeys, useRemovePasskey } from './profile.api.ts';

export function PasskeysSection() {
  const { t } = useTranslation();
  const country = userCountry(useMe().data);
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const remove = useRemovePasskey();
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });

  return (
    <SectionCard title={t('passkeys.title')} description={t('passkeys.description')} id="passkeys">
      {passkeys.isPending ? (
        <Loading />
      ) : passkeys.error ? (
        <ErrorAlert error={passkeys.error} />
      ) : passkeys.data.length === 0 ? (
        <EmptyState>{t('passkeys.none')}</EmptyState>
      ) : (
        <ScrollTable minWidth={480} data-testid="passkey-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('passkeys.name')}</Table.Th>
              <Table.Th>{t('passkeys.created')}</Table.Th>
              <Table.Th>{t('passkeys.lastUsed')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {passkeys.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={500}>{p.name}</Table.Td>
                <Table.Td>{formatDate(p.createdAt, country)}</Table.Td>
                <Table.Td>{p.lastUsedAt ? formatDate(p.lastUsedAt, country) : t('passkeys.never')}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('passkeys.remove', { name: p.name })}
                    loading={remove.isPending && remove.variables === p.id}
                    onClick={() => remove.mutate(p.id)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {supportsPasskeys() ? (
        <form
          noValidate
          data-testid="passkey-add-form"
          onSubmit={form.onSubmit((v) =>
            add.mutate(v.name.trim(), {
              onSuccess: () => {
                form.reset();
                toast(t('passkeys.added'), 'success');
              },
            }),
          )}
        >
          <Stack gap="sm">
            <ErrorAlert error={add.error} />
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('passkeys.newName')}
                placeholder={t('passkeys.namePlaceholder')}
                name="passkey-name"
                maxLength={60}
                w={{ base: '100%', xs: 280 }}
                {...form.getInputProps('name')}
              />
              <Button type="submit" loading={add.isPending}>
                {t('passkeys.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Alert color="gray" variant="light">
          {t('passkeys.unsupported')}
        </Alert>
      )}
    </SectionCard>
  );
}
