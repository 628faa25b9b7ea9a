import type { StepKind } from '@civicdesk/contracts/approvals';
import { ActionIcon, Badge, Checkbox, Group, Paper, Select, Stack, Text } from '@mantine/core';
import IconArrowDown from '@tabler/icons-react/dist/esm/icons/IconArrowDown.mjs';
import IconArrowUp from '@tabler/icons-react/dist/esm/icons/IconArrowUp.mjs';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { useTranslation } from 'react-i18next';
import { dropdownBelow } from './combobox.ts';
import type { DraftStep } from './line-builder.ts';

type PersonOption = { id: string; name: string; position: string | null; unit: string | null };

type Props = {
  step: DraftStep;
  number: number;
  kinds: StepKind[];
  people: PersonOption[];
  parallelAllowed: boolean;
  showMissing: boolean;
  first: boolean;
  last: boolean;
  onChange: (patch: Partial<DraftStep>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

const detail = (p: PersonOption) => [p.position, p.unit].filter(Boolean).join(' · ');

/** One step of the line being built: its kind, its person (with position and unit), order and parallelism. */
export function LineStepRow(props: Props) {
  const { step, number, kinds, people, parallelAllowed, showMissing, first, last } = props;
  const { t } = useTranslation();
  const kindLabel = t(`line.kinds.${step.kind}`);
  const byId = new Map(people.map((p) => [p.id, p]));
  const data = people.map((p) => ({ value: p.id, label: [p.name, detail(p)].filter(Boolean).join(' — ') }));
  const chosen = step.assigneeId ? byId.get(step.assigneeId) : undefined;

  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="line-step" data-kind={step.kind}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Badge
          size="lg"
          circle
          variant={step.parallel && parallelAllowed ? 'outline' : 'light'}
          mt={{ base: 4, sm: 26 }}
        >
          {number}
        </Badge>
        <Stack gap={6} flex={1} miw={0}>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <Select
              comboboxProps={dropdownBelow}
              label={t('line.kind')}
              data={kinds.map((k) => ({ value: k, label: t(`line.kinds.${k}`) }))}
              value={step.kind}
              onChange={(v) => v && props.onChange({ kind: v as StepKind })}
              allowDeselect={false}
              w={{ base: '100%', sm: 190 }}
            />
            <Select
              comboboxProps={dropdownBelow}
              label={t('line.person')}
              placeholder={t('line.choosePerson')}
              data={data}
              value={step.assigneeId}
              onChange={(v) => props.onChange({ assigneeId: v })}
              searchable
              nothingFoundMessage={t('editor.recipients.noMatch')}
              error={showMissing && !step.assigneeId ? t('line.choosePerson') : undefined}
              flex="1 1 240px"
              renderOption={({ option }) => {
                const p = byId.get(option.value);
                return (
                  <div>
                    <Text size="sm">{p?.name}</Text>
                    {p && detail(p) && (
                      <Text size="xs" c="dimmed">
                        {detail(p)}
                      </Text>
                    )}
                  </div>
                );
              }}
              data-testid="line-person"
            />
          </Group>
          {chosen && (
            <Text size="xs" c="dimmed">
              {kindLabel}: {chosen.name}
              {detail(chosen) ? ` (${detail(chosen)})` : ''}
            </Text>
          )}
          {parallelAllowed && (
            <Checkbox
              size="xs"
              label={t('line.parallel')}
              checked={step.parallel}
              onChange={(e) => props.onChange({ parallel: e.currentTarget.checked })}
            />
          )}
        </Stack>
        <Group gap={2} wrap="nowrap" mt={{ base: 0, sm: 24 }}>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            disabled={first}
            onClick={() => props.onMove(-1)}
            aria-label={t('line.moveUp', { n: number })}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            disabled={last}
            onClick={() => props.onMove(1)}
            aria-label={t('line.moveDown', { n: number })}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red.9"
            onClick={props.onRemove}
            aria-label={t('line.remove', { n: number })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}
