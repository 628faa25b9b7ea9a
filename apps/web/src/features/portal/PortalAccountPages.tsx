import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useVerifyTotp } from '../auth/auth.api.ts';
import { usePortalLogin, useRegisterCitizen } from '../services/services.api.ts';
import { PortalFrame } from './PortalFrame.tsx';

export function PortalLoginPage() {
  const { t } = useTranslation();
  const login = usePortalLogin();
  const navigate = useNavigate();
  const [form, setForm] = useState({ username: '', password: '' });
  const [secondStep, setSecondStep] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate(form, {
      // A citizen who turned on two-step verification gives a code next; everyone else is in.
      onSuccess: (r) => (r.stage === 'mfa' ? setSecondStep(true) : navigate('/portal/submissions')),
    });
  }
  if (secondStep) return <PortalCodeStep onDone={() => navigate('/portal/submissions')} />;
  return (
    <PortalFrame title={t('portal.login.title')}>
      <Paper withBorder radius="md" p="lg" maw={440}>
        <form onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t('portal.login.username')}
              autoComplete="username"
              required
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
              data-testid="portal-username"
            />
            <PasswordInput
              label={t('portal.login.password')}
              autoComplete="current-password"
              required
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              data-testid="portal-password"
            />
            <ErrorAlert error={login.error} />
            <Button type="submit" loading={login.isPending} data-testid="portal-login">
              {t('portal.login.submit')}
            </Button>
            <Text size="sm">
              {t('portal.login.noAccount')}{' '}
              <Anchor component={Link} to="/portal/register">
                {t('portal.nav.register')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </PortalFrame>
  );
}

export function RegisterPage() {
  const { t } = useTranslation();
  const register = useRegisterCitizen();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    password: '',
    identifier: '',
  });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    register.mutate({ ...form, identifier: form.identifier.trim() || undefined, locale: currentLocale() });
  }
  if (register.data)
    return (
      <PortalFrame title={t('portal.register.doneTitle')}>
        <Alert color="teal">
          <Stack gap="xs">
            <Text size="sm">{t('portal.register.checkMail')}</Text>
            {register.data.verifyLink && (
              <Text size="sm">
                {t('portal.register.devLink')}{' '}
                <Anchor href={register.data.verifyLink} data-testid="verify-link">
                  {t('portal.register.openLink')}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Alert>
      </PortalFrame>
    );
  return (
    <PortalFrame title={t('portal.register.title')} subtitle={t('portal.register.subtitle')}>
      <Paper withBorder radius="md" p="lg" maw={480}>
        <form onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t('portal.register.displayName')}
              required
              value={form.displayName}
              onChange={set('displayName')}
            />
            <TextInput
              label={t('portal.register.email')}
              type="email"
              required
              value={form.email}
              onChange={set('email')}
            />
            <TextInput
              label={t('portal.login.username')}
              description={t('portal.register.usernameHint')}
              required
              value={form.username}
              onChange={set('username')}
            />
            <PasswordInput
              label={t('portal.login.password')}
              description={t('portal.register.passwordHint')}
              required
              value={form.password}
              onChange={set('password')}
            />
            <TextInput
              label={t('portal.register.identifier')}
              description={t('portal.register.identifierHint')}
              value={form.identifier}
              onChange={set('identifier')}
            />
            <ErrorAlert error={register.error} />
            <Button type="submit" loading={register.isPending}>
              {t('portal.register.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </PortalFrame>
  );
}

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const verify = useMutation({
    meta: { inline: true },
    mutationFn: () => api('/portal/verify-email', { method: 'POST', body: { token } }),
  });
  const { mutate } = verify;
  // The link works once: a second call (React's double effect in development) would report it as used.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);
  return (
    <PortalFrame title={t('portal.verifyEmail.title')}>
      {verify.isPending || verify.isIdle ? (
        <Loading />
      ) : verify.error ? (
        <ErrorAlert error={verify.error} />
      ) : (
        <Alert color="teal">
          {t('portal.verifyEmail.done')}{' '}
          <Anchor component={Link} to="/portal/login">
            {t('portal.nav.signIn')}
          </Anchor>
        </Alert>
      )}
    </PortalFrame>
  );
}

/** The second sign-in step for a citizen with an authenticator app. */
function PortalCodeStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyTotp();
  const [code, setCode] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    verify.mutate(code.trim(), { onSuccess: onDone });
  }
  return (
    <PortalFrame title={t('portal.login.title')} subtitle={t('portal.security.codeHint')}>
      <Paper withBorder radius="md" p="lg" maw={440}>
        <form onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t('auth.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              data-testid="portal-code"
            />
            <ErrorAlert error={verify.error} />
            <Button type="submit" loading={verify.isPending} data-testid="portal-code-submit">
              {t('portal.login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </PortalFrame>
  );
}
