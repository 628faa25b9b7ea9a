import type { Agency, Unit } from '@civicdesk/contracts/org';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTree, type TreeNode } from '../../lib/tree.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useUnits, useUpdateUnit } from './org.api.ts';
import { UnitModal } from './UnitModal.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; unit: Unit } | null;

/** The agency's departments as a tree: create, rename, move under another unit, deactivate. */
export function UnitsTab({ agency }: { agency: Agency }) {
  const { t } = useTranslation();
  const units = useUnits(agency.id);
  const update = useUpdateUnit(agency.id);
  const [editing, setEditing] = useState<Editing>(null);
  const tree = useMemo(
    () =>
      buildTree(
        units.data ?? [],
        (u) => u.id,
        (u) => u.parentUnitId,
        (a, b) => a.name.localeCompare(b.name),
      ),
    [units.data],
  );

  if (units.isPending) return <Loading />;
  if (units.error) return <ErrorAlert error={units.error} />;

  const row = (node: TreeNode<Unit>) => {
    const u = node.item;
    return (
      <li key={u.id}>
        <Group
          justify="space-between"
          wrap="nowrap"
          gap="sm"
          py={6}
          px={6}
          className="tree-row"
          style={{ borderRadius: 6 }}
        >
          <div style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text
                size="sm"
                fw={500}
                truncate="end"
                c={u.active ? undefined : 'gray.7'}
                fs={u.active ? undefined : 'italic'}
              >
                {u.name}
              </Text>
              {!u.active && (
                <Badge size="xs" variant="light" color="gray.7">
                  {t('common.inactive')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {u.code}
            </Text>
          </div>
          {agency.canAdmin && (
            <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setEditing({ mode: 'edit', unit: u })}
                aria-label={t('org.units.editNamed', { name: u.name })}
              >
                {t('common.edit')}
              </Button>
              <Button
                variant="subtle"
                size="compact-sm"
                color={u.active ? 'red' : 'civic'}
                loading={update.isPending && update.variables?.id === u.id}
                onClick={() => update.mutate({ id: u.id, patch: { active: !u.active } })}
                aria-label={t(u.active ? 'org.units.deactivateNamed' : 'org.units.reactivateNamed', {
                  name: u.name,
                })}
              >
                {u.active ? t('common.deactivate') : t('common.reactivate')}
              </Button>
            </Group>
          )}
        </Group>
        {node.children.length > 0 && <ul>{node.children.map(row)}</ul>}
      </li>
    );
  };

  return (
    <Stack gap="md">
      {agency.canAdmin && (
        <Group justify="flex-end">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ mode: 'create' })}
          >
            {t('org.units.new')}
          </Button>
        </Group>
      )}
      {tree.length === 0 ? (
        <EmptyState>{t('org.units.none')}</EmptyState>
      ) : (
        <ul className="tree" data-testid="unit-tree">
          {tree.map(row)}
        </ul>
      )}
      {editing && (
        <UnitModal
          agencyId={agency.id}
          units={units.data}
          unit={editing.mode === 'edit' ? editing.unit : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
