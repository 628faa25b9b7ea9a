import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import IconBuilding from '@tabler/icons-react/dist/esm/icons/IconBuilding.mjs';
import IconMail from '@tabler/icons-react/dist/esm/icons/IconMail.mjs';
import IconSitemap from '@tabler/icons-react/dist/esm/icons/IconSitemap.mjs';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyOptions } from '../org/agencies.ts';
import { useAgencies, useTiers, useUnits } from '../org/org.api.ts';
import { dropdownBelow } from './combobox.ts';
import type { RecipientDraft } from './editor-form.ts';

type Props = {
  agencyId: string;
  value: RecipientDraft[];
  onChange: (next: RecipientDraft[]) => void;
  directive: boolean;
  disabled?: boolean;
};

const icons = { agency: IconBuilding, unit: IconSitemap, external: IconMail };

/** Recipients: agencies on the platform (each a copy to receive), own units, and external addresses. */
export function RecipientsEditor({ agencyId, value, onChange, directive, disabled }: Props) {
  const { t } = useTranslation();
  const agencies = useAgencies().data ?? [];
  const tiers = useTiers().data;
  const units = useUnits(agencyId).data ?? [];
  const [external, setExternal] = useState({ name: '', email: '' });
  const chosen = new Set(value.map((r) => r.key));

  const agencyData = agencyOptions(agencies, tiers, (a) => a.active && a.id !== agencyId)
    .filter((o) => !chosen.has(`agency:${o.value}`))
    .map((o) => ({ value: o.value, label: `${'\u2003'.repeat(o.depth)}${o.label}` }));
  const unitData = units
    .filter((u) => u.active && !chosen.has(`unit:${u.id}`))
    .map((u) => ({ value: u.id, label: u.name }));

  const add = (r: RecipientDraft) => onChange([...value, r]);
  const update = (key: string, patch: Partial<RecipientDraft>) =>
    onChange(value.map((r) => (r.key === key ? ({ ...r, ...patch } as RecipientDraft) : r)));
  const remove = (key: string) => onChange(value.filter((r) => r.key !== key));

  function addAgency(id: string | null) {
    const a = agencies.find((x) => x.id === id);
    if (a)
      add({
        key: `agency:${a.id}`,
        kind: 'agency',
        agencyId: a.id,
        name: a.name,
        main: true,
        task: '',
        deadline: '',
      });
  }
  function addUnit(id: string | null) {
    const u = units.find((x) => x.id === id);
    if (u) add({ key: `unit:${u.id}`, kind: 'unit', unitId: u.id, name: u.name, main: true });
  }
  function addExternal() {
    const name = external.name.trim();
    if (!name || chosen.has(`external:${name}`)) return;
    add({ key: `external:${name}`, kind: 'external', name, email: external.email.trim(), main: true });
    setExternal({ name: '', email: '' });
  }

  return (
    <Stack gap="sm" data-testid="recipients-editor">
      {!disabled && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            comboboxProps={dropdownBelow}
            label={t('editor.recipients.addAgency')}
            placeholder={t('editor.recipients.searchAgency')}
            data={agencyData}
            value={null}
            onChange={addAgency}
            searchable
            nothingFoundMessage={t('editor.recipients.noMatch')}
            data-testid="recipient-agency"
          />
          <Select
            comboboxProps={dropdownBelow}
            label={t('editor.recipients.addUnit')}
            placeholder={t('editor.recipients.searchUnit')}
            data={unitData}
            value={null}
            onChange={addUnit}
            searchable
            nothingFoundMessage={t('editor.recipients.noMatch')}
          />
        </SimpleGrid>
      )}
      {!disabled && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            flex="2 1 220px"
            label={t('editor.recipients.externalName')}
            value={external.name}
            onChange={(e) => setExternal({ ...external, name: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addExternal();
              }
            }}
          />
          <TextInput
            flex="1 1 180px"
            type="email"
            label={t('editor.recipients.externalEmail')}
            placeholder={t('editor.recipients.optional')}
            value={external.email}
            onChange={(e) => setExternal({ ...external, email: e.currentTarget.value })}
          />
          <Button variant="default" onClick={addExternal} disabled={!external.name.trim()}>
            {t('editor.recipients.add')}
          </Button>
        </Group>
      )}
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('editor.recipients.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {value.map((r) => {
            const Icon = icons[r.kind];
            return (
              <Paper key={r.key} component="li" withBorder radius="md" p="sm" data-testid="recipient-row">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size={28} aria-hidden>
                    <Icon size={16} />
                  </ThemeIcon>
                  <Stack gap={6} flex={1} miw={0}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={600}>
                          {r.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`editor.recipients.kinds.${r.kind}`)}
                          {r.kind === 'external' && r.email ? ` · ${r.email}` : ''}
                        </Text>
                      </div>
                      {!disabled && (
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          onClick={() => remove(r.key)}
                          aria-label={t('editor.recipients.remove', { name: r.name })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Group>
                    <Checkbox
                      size="xs"
                      radius="sm"
                      label={t('editor.recipients.forInformation')}
                      checked={!r.main}
                      onChange={(e) => update(r.key, { main: !e.currentTarget.checked })}
                      disabled={disabled}
                    />
                    {directive && r.kind === 'agency' && (
                      <Group gap="xs" align="flex-start" wrap="wrap">
                        <Textarea
                          flex="2 1 240px"
                          label={t('editor.recipients.task')}
                          autosize
                          minRows={1}
                          value={r.task}
                          onChange={(e) => update(r.key, { task: e.currentTarget.value })}
                          disabled={disabled}
                        />
                        <TextInput
                          flex="1 1 150px"
                          type="date"
                          label={t('editor.recipients.deadline')}
                          value={r.deadline}
                          onChange={(e) => update(r.key, { deadline: e.currentTarget.value })}
                          disabled={disabled}
                        />
                      </Group>
                    )}
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
