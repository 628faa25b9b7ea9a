import { ActionIcon, Button, Group, Popover, Select, Stack, TextInput } from '@mantine/core';
import IconDeviceFloppy from '@tabler/icons-react/dist/esm/icons/IconDeviceFloppy.mjs';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { dropdownBelow } from './combobox.ts';
import { useDeleteSavedLine, useSavedLines, useSaveLine } from './documents.api.ts';
import { type DraftStep, fromLine, toLine } from './line-builder.ts';

type Props = { steps: DraftStep[]; onLoad: (steps: DraftStep[]) => void };

/** The drafter's saved lines: load one instead of building the usual route again, or save this one. */
export function SavedLinesBar({ steps, onLoad }: Props) {
  const { t } = useTranslation();
  const lines = useSavedLines();
  const save = useSaveLine();
  const remove = useDeleteSavedLine();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const complete = steps.length > 0 && steps.every((s) => s.assigneeId);

  function load(id: string | null) {
    setSelected(id);
    const line = lines.data?.find((l) => l.id === id);
    if (line) onLoad(fromLine(line.steps));
  }

  function store() {
    if (!name.trim()) return;
    save.mutate(
      { name: name.trim(), steps: toLine(steps) },
      {
        onSuccess: (line) => {
          toast(t('line.saved', { name: line.name }), 'success');
          setSelected(line.id);
          setName('');
          setSaving(false);
        },
      },
    );
  }

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        comboboxProps={dropdownBelow}
        label={t('line.savedLines')}
        placeholder={lines.data?.length ? t('line.loadSaved') : t('line.noSaved')}
        data={(lines.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        value={selected}
        onChange={load}
        disabled={!lines.data?.length}
        flex="1 1 220px"
        data-testid="saved-lines"
      />
      {selected && (
        <ActionIcon
          size={36}
          variant="default"
          aria-label={t('line.deleteSaved')}
          title={t('line.deleteSaved')}
          loading={remove.isPending}
          onClick={() => remove.mutate(selected, { onSuccess: () => setSelected(null) })}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      )}
      <Popover opened={saving} onChange={setSaving} position="bottom-end" withinPortal trapFocus>
        <Popover.Target>
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            disabled={!complete}
            onClick={() => setSaving((o) => !o)}
          >
            {t('line.saveAs')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs" w={260}>
            <TextInput
              label={t('line.lineName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  store();
                }
              }}
              data-autofocus
            />
            <ErrorAlert error={save.error} />
            <Button onClick={store} loading={save.isPending} disabled={!name.trim()}>
              {t('line.saveLine')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
