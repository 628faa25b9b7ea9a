import { ActionIcon, Button, Collapse, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconFilter from '@tabler/icons-react/dist/esm/icons/IconFilter.mjs';
import IconSearch from '@tabler/icons-react/dist/esm/icons/IconSearch.mjs';
import IconX from '@tabler/icons-react/dist/esm/icons/IconX.mjs';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { useMe } from '../auth/auth.api.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { statuses as documentStatuses, typesFor } from '../documents/document-meta.ts';
import { draftingPosts } from '../documents/eoffice-access.ts';
import type { DocumentFilters } from './inbox.api.ts';

type Props = { filters: DocumentFilters; onChange: (filters: DocumentFilters) => void };

const activeCount = (f: DocumentFilters) => [f.typeCode, f.status, f.from, f.to].filter(Boolean).length;

/** Search over subject, body and attachment text (2 characters at least), with type, status and dates. */
export function InboxSearch({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe().data;
  const [q, setQ] = useState(filters.q ?? '');
  const [draft, setDraft] = useState(filters);
  const [open, { toggle }] = useDisclosure(activeCount(filters) > 0);
  useEffect(() => {
    setQ(filters.q ?? '');
    setDraft(filters);
  }, [filters]);

  const countries = [...new Set(draftingPosts(me).map((p) => p.country))];
  const types = countries
    .flatMap(typesFor)
    .map((d) => ({ value: d.code, label: `${d.code} — ${d.names[locale]}` }));
  const statuses = documentStatuses.map((s) => ({ value: s, label: t(`doc.status.${s}`) }));
  const badRange = !!draft.from && !!draft.to && draft.to < draft.from;

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = q.trim();
    if (badRange) return;
    onChange({ ...draft, q: text || undefined });
  }

  function clear() {
    setQ('');
    setDraft({});
    onChange({});
  }

  const any = !!filters.q || activeCount(filters) > 0;
  return (
    <Paper withBorder radius="md" p="sm" component="form" onSubmit={submit} role="search">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TextInput
          flex={1}
          name="q"
          aria-label={t('inbox.search.label')}
          placeholder={t('inbox.search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="inbox-search"
        />
        <ActionIcon
          size={36}
          variant={open ? 'light' : 'default'}
          onClick={toggle}
          aria-expanded={open}
          aria-controls="inbox-filters"
          aria-label={t('inbox.search.filters')}
          title={t('inbox.search.filters')}
        >
          <IconFilter size={18} aria-hidden />
        </ActionIcon>
        <Button type="submit" visibleFrom="xs">
          {t('inbox.search.submit')}
        </Button>
      </Group>
      <Collapse in={open} id="inbox-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mt="sm">
          <Select
            comboboxProps={dropdownBelow}
            label={t('doc.fields.type')}
            data={types}
            value={draft.typeCode ?? null}
            onChange={(v) => setDraft({ ...draft, typeCode: v ?? undefined })}
            clearable
            searchable
          />
          <Select
            comboboxProps={dropdownBelow}
            label={t('doc.fields.status')}
            data={statuses}
            value={draft.status ?? null}
            onChange={(v) => setDraft({ ...draft, status: v ?? undefined })}
            clearable
          />
          <TextInput
            type="date"
            label={t('inbox.search.from')}
            value={draft.from ?? ''}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('inbox.search.to')}
            value={draft.to ?? ''}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value || undefined })}
            error={badRange ? t('inbox.search.badRange') : undefined}
          />
        </SimpleGrid>
      </Collapse>
      {(open || any) && (
        <Group gap="xs" mt="sm" justify="flex-end">
          {any && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={clear}
            >
              {t('inbox.search.clear')}
            </Button>
          )}
          {open && (
            <Button type="submit" hiddenFrom="xs" size="compact-sm">
              {t('inbox.search.submit')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}
