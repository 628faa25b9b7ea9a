import type { Committee } from '@civicdesk/contracts/committees';
import type { MePost } from '@civicdesk/contracts/identity';
import {
  Button,
  Divider,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { usePhone } from '../documents/useScreen.ts';
import { type CommitteeForm, useCreateCommittee, useUpdateCommittee } from './committees.api.ts';

type Props = { agencies?: MePost[]; committee?: Committee; onClose: () => void };

const quorums = ['majority_of_members', 'two_thirds_of_members'] as const;
const thresholds = [
  'majority_of_present',
  'majority_of_members',
  'two_thirds_of_present',
  'two_thirds_of_members',
] as const;
const functions = ['deliberative', 'advisory', 'resolving'] as const;

const defaults = (agencyId: string): CommitteeForm => ({
  agencyId,
  name: '',
  legalBasis: '',
  function: 'deliberative',
  rules: {
    quorum: 'majority_of_members',
    threshold: 'majority_of_present',
    chairVotes: true,
    tie: 'fails',
    writtenAllowed: false,
    writtenGrounds: null,
  },
  termYears: 2,
  maxTerms: 2,
  concurrencyLimit: 3,
  rates: { attendance: 0, review: 0, travel: 0 },
});

const editable = (c: Committee): CommitteeForm => ({
  agencyId: c.agencyId,
  name: c.name,
  legalBasis: c.legalBasis,
  function: c.function,
  rules: c.rules,
  termYears: c.termYears,
  maxTerms: c.maxTerms,
  concurrencyLimit: c.concurrencyLimit,
  rates: c.rates,
});

/** A committee and its rule set, in plain words: who must be present, what passes, ties, written deliberation. */
export function CommitteeFormModal({ agencies = [], committee, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const navigate = useNavigate();
  const create = useCreateCommittee();
  const update = useUpdateCommittee(committee?.id ?? '');
  const save = committee ? update : create;
  const form = useForm<CommitteeForm>({
    initialValues: committee ? editable(committee) : defaults(agencies[0]?.agencyId ?? ''),
    validate: {
      agencyId: (v) => (v ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
      legalBasis: (v) => (v.trim() ? null : t('common.required')),
      rules: {
        writtenGrounds: (v, all) =>
          all.rules.writtenAllowed && !v?.trim() ? t('committees.form.groundsRequired') : null,
      },
    },
  });
  const v = form.values;

  const submit = form.onSubmit((values) => {
    const body = {
      ...values,
      name: values.name.trim(),
      legalBasis: values.legalBasis.trim(),
      rules: {
        ...values.rules,
        // A chair who does not vote cannot break a tie; grounds only mean something when written is allowed.
        tie: values.rules.chairVotes ? values.rules.tie : 'fails',
        writtenGrounds: values.rules.writtenAllowed ? (values.rules.writtenGrounds ?? '').trim() : null,
      },
    } satisfies CommitteeForm;
    if (committee) {
      const { agencyId: _agency, ...patch } = body;
      update.mutate(patch, {
        onSuccess: () => {
          toast(t('common.saved'), 'success');
          onClose();
        },
      });
    } else
      create.mutate(body, {
        onSuccess: (c) => {
          toast(t('committees.form.created'), 'success');
          onClose();
          void navigate(`/committees/${c.id}`);
        },
      });
  });

  const money = (path: string, label: string) => (
    <NumberInput
      label={label}
      min={0}
      step={10_000}
      thousandSeparator=","
      allowDecimal={false}
      {...form.getInputProps(path)}
    />
  );

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(committee ? 'committees.form.editTitle' : 'committees.form.newTitle')}
      size="xl"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate data-testid="committee-form">
        <Stack gap="md">
          {!committee && agencies.length > 1 && (
            <Select
              label={t('common.agency')}
              data={agencies.map((a) => ({ value: a.agencyId, label: a.agencyName }))}
              allowDeselect={false}
              {...form.getInputProps('agencyId')}
            />
          )}
          <TextInput
            label={t('committees.form.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('committees.form.legalBasis')}
            description={t('committees.form.legalBasisHint')}
            required
            {...form.getInputProps('legalBasis')}
          />
          <Select
            label={t('committees.form.function')}
            data={functions.map((f) => ({ value: f, label: t(`committees.function.${f}`) }))}
            allowDeselect={false}
            {...form.getInputProps('function')}
          />

          <Divider label={t('committees.form.rulesHeading')} labelPosition="left" />
          <Radio.Group label={t('committees.form.quorum')} {...form.getInputProps('rules.quorum')}>
            <Stack gap={6} mt={6}>
              {quorums.map((q) => (
                <Radio key={q} value={q} label={t(`committees.rules.quorum.${q}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label={t('committees.form.threshold')} {...form.getInputProps('rules.threshold')}>
            <Stack gap={6} mt={6}>
              {thresholds.map((q) => (
                <Radio key={q} value={q} label={t(`committees.rules.threshold.${q}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Switch
            label={t('committees.form.chairVotes')}
            {...form.getInputProps('rules.chairVotes', { type: 'checkbox' })}
          />
          <Radio.Group
            label={t('committees.form.tie')}
            description={v.rules.chairVotes ? undefined : t('committees.form.tieNeedsChair')}
            {...form.getInputProps('rules.tie')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="fails" label={t('committees.form.tieFails')} />
              <Radio
                value="chair_decides"
                label={t('committees.form.tieChair')}
                disabled={!v.rules.chairVotes}
              />
            </Group>
          </Radio.Group>
          <Switch
            label={t('committees.form.writtenAllowed')}
            description={t('committees.form.writtenHint')}
            {...form.getInputProps('rules.writtenAllowed', { type: 'checkbox' })}
          />
          {v.rules.writtenAllowed && (
            <Textarea
              label={t('committees.form.writtenGrounds')}
              placeholder={t('committees.form.writtenGroundsPlaceholder')}
              required
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('rules.writtenGrounds')}
              value={v.rules.writtenGrounds ?? ''}
            />
          )}

          <Divider label={t('committees.form.termsHeading')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('committees.form.termYears')}
              min={1}
              max={5}
              {...form.getInputProps('termYears')}
            />
            <NumberInput
              label={t('committees.form.maxTerms')}
              min={1}
              max={5}
              {...form.getInputProps('maxTerms')}
            />
            <NumberInput
              label={t('committees.form.concurrency')}
              description={t('committees.form.concurrencyHint')}
              min={1}
              max={10}
              {...form.getInputProps('concurrencyLimit')}
            />
          </SimpleGrid>
          <Divider label={t('committees.form.ratesHeading')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {money('rates.attendance', t('committees.allowances.attendance'))}
            {money('rates.review', t('committees.allowances.review'))}
            {money('rates.travel', t('committees.allowances.travel'))}
          </SimpleGrid>

          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="committee-save">
              {committee ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
