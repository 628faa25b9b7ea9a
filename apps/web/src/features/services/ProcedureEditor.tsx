import { type FormField, type Procedure, ProcedureInput } from '@civicdesk/contracts/services';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { useUnits } from '../org/org.api.ts';
import { FieldEditor } from './FieldEditor.tsx';
import { useSaveProcedure } from './services.api.ts';

type Props = { agencyId: string; procedure: Procedure | null; onClose: () => void };

const blankField = (n: number): FormField => ({
  key: `field${n}`,
  type: 'text',
  label: { vi: '' },
  required: false,
});

// Rows carry their own id, so editing and reordering keep each editor's state with its field.
let nextRow = 0;
type Row = { uid: string; field: FormField };
const row = (field: FormField): Row => ({ uid: `row-${++nextRow}`, field });

/** Create or change a procedure, its form built field by field; checked with the server's own schema. */
export function ProcedureEditor({ agencyId, procedure, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const units = useUnits(agencyId).data ?? [];
  const save = useSaveProcedure();
  const [p, setP] = useState({
    unitId: procedure?.unitId ?? '',
    code: procedure?.code ?? '',
    name: procedure?.name ?? '',
    legalBasis: procedure?.legalBasis ?? '',
    requiredDocuments: (procedure?.requiredDocuments ?? []).join('\n'),
    processingDays: procedure?.processingDays ?? 5,
    fee: procedure?.fee ?? 0,
    resultKind: procedure?.resultKind ?? 'certificate',
    isRegistry: procedure?.isRegistry ?? false,
    holderField: procedure?.holderField ?? null,
    validityMonths: procedure?.validityMonths ?? null,
    active: procedure?.active ?? true,
  });
  const [fields, setFields] = useState<Row[]>(() => (procedure?.form.fields ?? [blankField(1)]).map(row));
  const [problem, setProblem] = useState<string | null>(null);

  function submit() {
    const body = {
      ...p,
      agencyId,
      requiredDocuments: p.requiredDocuments
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      form: { fields: fields.map((r) => r.field) },
      holderField: p.isRegistry ? p.holderField : null,
    };
    const parsed = ProcedureInput.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return setProblem(`${issue.path.join('.')}: ${issue.message}`);
    }
    setProblem(null);
    save.mutate(
      { id: procedure?.id, body: { ...parsed.data, ...(procedure ? { active: p.active } : {}) } },
      {
        onSuccess: () => {
          toast(t('services.catalogue.saved'), 'success');
          onClose();
        },
      },
    );
  }

  const move = (i: number) =>
    setFields((f) => {
      const n = [...f];
      [n[i - 1], n[i]] = [n[i]!, n[i - 1]!];
      return n;
    });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={procedure ? procedure.name : t('services.catalogue.new')}
      size="xl"
      fullScreen={phone}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('services.catalogue.name')}
            required
            value={p.name}
            onChange={(e) => setP({ ...p, name: e.currentTarget.value })}
            data-testid="procedure-name"
          />
          <TextInput
            label={t('services.catalogue.code')}
            required
            value={p.code}
            onChange={(e) => setP({ ...p, code: e.currentTarget.value })}
            data-testid="procedure-code"
          />
          <Select
            label={t('services.catalogue.unit')}
            required
            data={units.map((u) => ({ value: u.id, label: u.name }))}
            value={p.unitId || null}
            onChange={(v) => setP({ ...p, unitId: v ?? '' })}
            data-testid="procedure-unit"
          />
          <Select
            label={t('services.catalogue.resultKind')}
            data={(['licence', 'certificate', 'decision'] as const).map((k) => ({
              value: k,
              label: t(`services.resultKind.${k}`),
            }))}
            value={p.resultKind}
            onChange={(v) => v && setP({ ...p, resultKind: v as typeof p.resultKind })}
          />
          <NumberInput
            label={t('services.catalogue.days')}
            min={1}
            max={365}
            value={p.processingDays}
            onChange={(v) => setP({ ...p, processingDays: Number(v) || 1 })}
          />
          <NumberInput
            label={t('services.catalogue.fee')}
            min={0}
            thousandSeparator
            value={p.fee}
            onChange={(v) => setP({ ...p, fee: Number(v) || 0 })}
          />
        </SimpleGrid>
        <Textarea
          label={t('services.catalogue.legalBasis')}
          required
          autosize
          minRows={2}
          value={p.legalBasis}
          onChange={(e) => setP({ ...p, legalBasis: e.currentTarget.value })}
          data-testid="procedure-basis"
        />
        <Textarea
          label={t('services.catalogue.documents')}
          description={t('services.catalogue.documentsHint')}
          autosize
          minRows={2}
          value={p.requiredDocuments}
          onChange={(e) => setP({ ...p, requiredDocuments: e.currentTarget.value })}
        />
        <Group wrap="wrap" align="flex-end">
          <Checkbox
            label={t('services.catalogue.registry')}
            checked={p.isRegistry}
            onChange={(e) => setP({ ...p, isRegistry: e.currentTarget.checked })}
            mb={8}
          />
          {p.isRegistry && (
            <>
              <Select
                label={t('services.catalogue.holderField')}
                data={fields.filter((r) => r.field.type === 'text').map((r) => r.field.key)}
                value={p.holderField}
                onChange={(v) => setP({ ...p, holderField: v })}
              />
              <NumberInput
                label={t('services.catalogue.validity')}
                min={1}
                value={p.validityMonths ?? ''}
                onChange={(v) => setP({ ...p, validityMonths: v === '' ? null : Number(v) })}
                w={160}
              />
            </>
          )}
          {procedure && (
            <Checkbox
              label={t('services.catalogue.active')}
              checked={p.active}
              onChange={(e) => setP({ ...p, active: e.currentTarget.checked })}
              mb={8}
            />
          )}
        </Group>
        <Text fw={600} mt="sm">
          {t('services.catalogue.form')}
        </Text>
        {fields.map((r, i) => (
          <FieldEditor
            key={r.uid}
            field={r.field}
            onChange={(next) =>
              setFields((all) => all.map((x) => (x.uid === r.uid ? { ...x, field: next } : x)))
            }
            onRemove={() => setFields((all) => all.filter((x) => x.uid !== r.uid))}
            onUp={i > 0 ? () => move(i) : undefined}
          />
        ))}
        <Button
          variant="light"
          onClick={() => setFields((f) => [...f, row(blankField(f.length + 1))])}
          data-testid="add-field"
        >
          {t('services.catalogue.addField')}
        </Button>
        {problem && <Alert color="red">{problem}</Alert>}
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="save-procedure">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
