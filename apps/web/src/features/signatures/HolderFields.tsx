import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../people/people.api.ts';

export type HolderValues = { kind: 'person' | 'seal'; userId: string | null };

/** Whose certificate: an official of the agency (who signs approvals) or the agency itself (its seal). */
export function HolderFields<T extends HolderValues>({
  form,
  agencyId,
}: {
  form: UseFormReturnType<T>;
  agencyId: string;
}) {
  const { t } = useTranslation();
  const people = usePeople(agencyId);
  const kind = form.getValues().kind;
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id="holder-kind">
          {t('certificates.kindLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="holder-kind"
          data={[
            { value: 'person', label: t('certificates.kinds.person') },
            { value: 'seal', label: t('certificates.kinds.seal') },
          ]}
          {...form.getInputProps('kind')}
        />
      </div>
      {kind === 'person' && (
        <Select
          label={t('certificates.holder')}
          placeholder={t('certificates.pickPerson')}
          searchable
          nothingFoundMessage="—"
          data={(people.data ?? [])
            .filter((p) => p.active)
            .map((p) => ({ value: p.id, label: `${p.displayName} (${p.username})` }))}
          disabled={people.isPending}
          required
          data-testid="certificate-person"
          {...form.getInputProps('userId')}
        />
      )}
    </Stack>
  );
}

export const holderBody = (v: HolderValues, agencyId: string) =>
  v.kind === 'person'
    ? { kind: 'person' as const, agencyId, userId: v.userId ?? '' }
    : { kind: 'seal' as const, agencyId };
