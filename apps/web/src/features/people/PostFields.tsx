import type { Role } from '@civicdesk/contracts/identity';
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { postRoles } from '../auth/roles.ts';
import { usePositions, useUnits } from '../org/org.api.ts';

export type PostValues = { unitId: string | null; positionId: string | null; role: Role | null };

type Props = {
  agencyId: string;
  values: PostValues;
  onChange: (values: PostValues) => void;
  roleError?: string;
};

/** Unit, position and role of a post in one agency (the lists come from that agency). */
export function PostFields({ agencyId, values, onChange, roleError }: Props) {
  const { t } = useTranslation();
  const units = useUnits(agencyId);
  const positions = usePositions(agencyId);
  const unitOptions = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const positionOptions = [...(positions.data ?? [])]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => ({ value: p.id, label: p.name }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <Select
        label={t('people.unit')}
        name="unitId"
        placeholder={t('common.none')}
        data={unitOptions}
        clearable
        searchable
        value={values.unitId}
        onChange={(unitId) => onChange({ ...values, unitId })}
      />
      <Select
        label={t('people.position')}
        name="positionId"
        placeholder={t('common.none')}
        data={positionOptions}
        clearable
        searchable
        value={values.positionId}
        onChange={(positionId) => onChange({ ...values, positionId })}
      />
      <Select
        label={t('people.role')}
        name="role"
        required
        data={postRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={values.role}
        error={roleError}
        allowDeselect={false}
        onChange={(role) => onChange({ ...values, role: role as Role | null })}
      />
    </SimpleGrid>
  );
}
