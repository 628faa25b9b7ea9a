import { Alert, Anchor, Button, Center, Divider, Stack } from '@mantine/core';
import IconKey from '@tabler/icons-react/dist/esm/icons/IconKey.mjs';
import IconShieldLock from '@tabler/icons-react/dist/esm/icons/IconShieldLock.mjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { AuthFrame } from './AuthFrame.tsx';
import { meKey, useLogout, useMe } from './auth.api.ts';
import { TotpSetupPanel } from './TotpSetupPanel.tsx';
import { registerPasskey, supportsPasskeys } from './webauthn.ts';

/** Forced enrolment: the person's role requires a second factor and the account has none yet. */
export function EnrollPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const logout = useLogout();
  // A passkey also satisfies the policy; the server upgrades the session either way.
  const passkey = useMutation({
    mutationFn: (name: string) => registerPasskey(name),
    meta: { inline: true },
  });

  if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to="/login" replace />;
  if (me.data && me.data.stage !== 'enroll') return <Navigate to="/" replace />;

  // Refreshing the profile is enough: once its stage is no longer 'enroll', the redirect above takes the person
  // to the start page (a second, imperative navigation here raced the start page's own redirects).
  async function done() {
    await queryClient.invalidateQueries({ queryKey: meKey });
  }

  return (
    <AuthFrame title={t('enroll.title')} subtitle={t('enroll.subtitle')} width={560}>
      <Alert
        variant="light"
        color="civic"
        icon={<IconShieldLock size={20} aria-hidden />}
        title={t('enroll.whyTitle')}
      >
        {t('enroll.why')}
      </Alert>
      {me.data ? <TotpSetupPanel onEnabled={done} /> : <Loading />}
      {me.data && supportsPasskeys() && (
        <>
          <Divider label={t('auth.or')} labelPosition="center" />
          <ErrorAlert error={passkey.error} />
          <Button
            variant="default"
            leftSection={<IconKey size={18} aria-hidden />}
            loading={passkey.isPending}
            onClick={() => passkey.mutate(t('enroll.passkeyName'), { onSuccess: done })}
            data-testid="enroll-passkey"
          >
            {t('enroll.usePasskey')}
          </Button>
        </>
      )}
      <Center>
        <Stack gap={0} align="center">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() =>
              logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
            }
          >
            {t('enroll.signOut')}
          </Anchor>
        </Stack>
      </Center>
    </AuthFrame>
  );
}
