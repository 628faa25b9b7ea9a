import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { useMe } from '../auth/auth.api.ts';
import { dropdownBelow } from '../documents/combobox.ts';
import { type Field, useCreateTemplate } from './reports.api.ts';
import { definingPosts } from './reports-access.ts';

type Row = { label: string; kind: 'number' | 'text'; unit: string; required: boolean };
const blank = (kind: Row['kind']): Row => ({ label: '', kind, unit: '', required: true });

/** A parent agency defines a periodic report: its fields (numbers with units, texts) and its schedule. */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const create = useCreateTemplate();
  const agencies = definingPosts(me).map((p) => ({ value: p.agencyId, label: p.agencyName }));
  const [agencyId, setAgencyId] = useState<string | null>(agencies[0]?.value ?? null);
  const [title, setTitle] = useState('');
  const [frequency, setFrequency] = useState<'monthly' | 'quarterly' | 'yearly'>('monthly');
  const [dueDay, setDueDay] = useState<number>(5);
  const [audience, setAudience] = useState<'children' | 'subtree'>('children');
  const [rows, setRows] = useState<Row[]>([blank('number'), blank('text')]);
  const set = (i: number, patch: Partial<Row>) =>
    setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  async function save() {
    if (!agencyId) return;
    const fields: Field[] = rows.map((r, i) => ({
      key: `f${i + 1}`,
      label: r.label,
      kind: r.kind,
      unit: r.kind === 'number' && r.unit ? r.unit : undefined,
      required: r.required,
    }));
    const saved = await create.mutateAsync({ agencyId, title, frequency, dueDay, audience, fields });
    navigate(`/reports/templates/${saved.id}`);
  }

  return (
    <>
      <PageHeader title={t('reports.newTemplate')} description={t('reports.newTemplateHint')} />
      <Stack gap="lg" maw={860}>
        <SectionCard title={t('reports.schedule')}>
          <Select
            comboboxProps={dropdownBelow}
            label={t('common.agency')}
            data={agencies}
            value={agencyId}
            onChange={setAgencyId}
            allowDeselect={false}
          />
          <TextInput
            label={t('reports.templateTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            data-testid="template-title"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              comboboxProps={dropdownBelow}
              label={t('reports.frequencyLabel')}
              data={(['monthly', 'quarterly', 'yearly'] as const).map((f) => ({
                value: f,
                label: t(`reports.frequency.${f}`),
              }))}
              value={frequency}
              onChange={(v) => v && setFrequency(v as typeof frequency)}
              allowDeselect={false}
            />
            <NumberInput
              label={t('reports.dueDay')}
              description={t('reports.dueDayHint')}
              min={1}
              max={28}
              value={dueDay}
              onChange={(v) => setDueDay(Number(v) || 1)}
            />
            <Select
              comboboxProps={dropdownBelow}
              label={t('reports.audience')}
              data={(['children', 'subtree'] as const).map((a) => ({
                value: a,
                label: t(`reports.audiences.${a}`),
              }))}
              value={audience}
              onChange={(v) => v && setAudience(v as typeof audience)}
              allowDeselect={false}
            />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title={t('reports.fields')}>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional (their key is f1, f2, … by position)
            <Paper key={i} withBorder p="sm" radius="md" data-testid="field-row">
              <Group align="flex-end" wrap="wrap" gap="sm">
                <TextInput
                  label={t('reports.fieldLabel')}
                  value={r.label}
                  onChange={(e) => set(i, { label: e.currentTarget.value })}
                  style={{ flex: '1 1 220px' }}
                  required
                />
                <Select
                  comboboxProps={dropdownBelow}
                  label={t('reports.fieldKind')}
                  data={[
                    { value: 'number', label: t('reports.kinds.number') },
                    { value: 'text', label: t('reports.kinds.text') },
                  ]}
                  value={r.kind}
                  onChange={(v) => v && set(i, { kind: v as Row['kind'] })}
                  allowDeselect={false}
                  w={130}
                />
                {r.kind === 'number' && (
                  <TextInput
                    label={t('reports.unit')}
                    value={r.unit}
                    onChange={(e) => set(i, { unit: e.currentTarget.value })}
                    w={110}
                  />
                )}
                <Checkbox
                  label={t('reports.required')}
                  checked={r.required}
                  onChange={(e) => set(i, { required: e.currentTarget.checked })}
                  mb={8}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('reports.removeField')}
                  onClick={() => setRows((x) => x.filter((_, j) => j !== i))}
                  disabled={rows.length === 1}
                  mb={4}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRows((r) => [...r, blank('number')])}
            >
              {t('reports.addNumber')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRows((r) => [...r, blank('text')])}
            >
              {t('reports.addText')}
            </Button>
          </Group>
        </SectionCard>
        {create.error && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate('/reports')}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={save}
            loading={create.isPending}
            disabled={!agencyId || !title.trim() || rows.some((r) => !r.label.trim())}
            data-testid="save-template"
          >
            {t('reports.createTemplate')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
