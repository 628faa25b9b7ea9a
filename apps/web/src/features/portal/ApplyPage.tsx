import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { cleanValues, DynamicForm, validateForm } from '../services/DynamicForm.tsx';
import { useCreateSubmission, usePortalMe, usePortalProcedure } from '../services/services.api.ts';
import { PortalFrame } from './PortalFrame.tsx';

/** One procedure: what it needs, and its form — for a signed-in citizen or a guest. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const procedure = usePortalProcedure(id);
  const me = usePortalMe();
  const create = useCreateSubmission();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [guest, setGuest] = useState({ name: '', email: '' });
  const [consent, setConsent] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [code, setCode] = useState<string | null>(null);

  if (procedure.isPending || me.isPending)
    return (
      <PortalFrame title="…">
        <Loading />
      </PortalFrame>
    );
  if (procedure.error)
    return (
      <PortalFrame title={t('portal.apply.title')}>
        <ErrorAlert error={procedure.error} />
      </PortalFrame>
    );
  const p = procedure.data;
  const citizen = me.data;

  function send(submit: boolean) {
    const clean = cleanValues(values);
    const found = validateForm(p.form, clean, submit, t('services.form.required'));
    if (!citizen && !guest.name.trim()) found._name = t('services.form.required');
    if (consent && !purpose.trim()) found._purpose = t('services.form.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        procedureId: p.id,
        values: clean,
        applicantName: citizen ? undefined : guest.name.trim(),
        applicantEmail: citizen || !guest.email.trim() ? undefined : guest.email.trim(),
        consentPurpose: consent ? purpose.trim() : null,
        submit,
      },
      {
        onSuccess: (res) =>
          res.trackingCode ? setCode(res.trackingCode) : navigate(`/portal/submissions/${res.id}`),
      },
    );
  }

  if (code)
    return (
      <PortalFrame title={t('portal.apply.sentTitle')}>
        <Alert color="teal" title={t('portal.apply.trackingCode')}>
          <Stack gap="sm">
            <Text
              ff="monospace"
              fz="lg"
              fw={700}
              style={{ wordBreak: 'break-all' }}
              data-testid="tracking-code"
            >
              {code}
            </Text>
            <Text size="sm">{t('portal.apply.keepCode')}</Text>
            <Group>
              <CopyButton value={code}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('portal.apply.copied') : t('portal.apply.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button component={Link} to="/portal/track" variant="subtle">
                {t('portal.nav.track')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </PortalFrame>
    );

  return (
    <PortalFrame title={p.name} subtitle={`${p.agencyName} · ${p.unitName}`}>
      <Paper withBorder radius="md" p="md">
        <Stack gap={6}>
          <Text size="sm">
            <b>{t('portal.apply.legalBasis')}:</b> {p.legalBasis}
          </Text>
          <Text size="sm">
            <b>{t('portal.apply.time')}:</b> {t('portal.catalogue.days', { count: p.processingDays })}
          </Text>
          <Text size="sm">
            <b>{t('portal.apply.fee')}:</b>{' '}
            {p.fee > 0 ? formatNumber(p.fee, currentLocale()) : t('portal.catalogue.free')}
          </Text>
          {p.requiredDocuments.length > 0 && (
            <>
              <Text size="sm" fw={700}>
                {t('portal.apply.documents')}
              </Text>
              <List size="sm">
                {p.requiredDocuments.map((d) => (
                  <List.Item key={d}>{d}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Paper>
      {!citizen && (
        <Alert color="blue" variant="light">
          {t('portal.apply.guestHint')} <Link to="/portal/login">{t('portal.nav.signIn')}</Link>
        </Alert>
      )}
      {citizen && !citizen.emailVerified && <Alert color="orange">{t('portal.apply.unverified')}</Alert>}
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          {!citizen && (
            <>
              <TextInput
                label={t('portal.apply.name')}
                required
                value={guest.name}
                error={errors._name}
                onChange={(e) => setGuest({ ...guest, name: e.currentTarget.value })}
                data-testid="guest-name"
              />
              <TextInput
                label={t('portal.apply.email')}
                type="email"
                description={t('portal.apply.emailHint')}
                value={guest.email}
                onChange={(e) => setGuest({ ...guest, email: e.currentTarget.value })}
              />
            </>
          )}
          <DynamicForm form={p.form} values={values} onChange={setValues} errors={errors} />
          <Checkbox
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            label={t('portal.apply.consent', { agency: p.agencyName })}
            data-testid="consent"
          />
          {consent && (
            <TextInput
              label={t('portal.apply.purpose')}
              required
              value={purpose}
              error={errors._purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
            />
          )}
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            {citizen && (
              <Button variant="default" onClick={() => send(false)} loading={create.isPending}>
                {t('portal.apply.saveDraft')}
              </Button>
            )}
            <Button onClick={() => send(true)} loading={create.isPending} data-testid="submit-application">
              {t('portal.apply.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </PortalFrame>
  );
}
