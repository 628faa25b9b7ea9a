import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../ui/Loading.tsx';
import { toast } from '../../ui/toast.ts';
import { meKey, useMe } from '../auth/auth.api.ts';
import { TotpSetupPanel } from '../auth/TotpSetupPanel.tsx';
import { usePortalMe } from '../services/services.api.ts';
import { PortalFrame } from './PortalFrame.tsx';

/** Optional two-step verification for a citizen: an authenticator app, asked for at every later sign-in. */
export function PortalSecurityPage() {
  const { t } = useTranslation();
  const portalMe = usePortalMe();
  const me = useMe();
  const queryClient = useQueryClient();
  if (portalMe.isPending || me.isPending) return <Loading />;
  if (!portalMe.data) return <Navigate to="/portal/login" replace />;
  return (
    <PortalFrame title={t('portal.security.title')} subtitle={t('portal.security.subtitle')}>
      <Paper withBorder radius="md" p="lg" maw={560}>
        {me.data?.totpEnabled ? (
          <Alert color="teal.9" variant="light" data-testid="portal-totp-on">
            {t('portal.security.on')}
          </Alert>
        ) : (
          <Stack gap="md">
            <Text size="sm">{t('portal.security.offHint')}</Text>
            <TotpSetupPanel
              onEnabled={() => {
                toast(t('portal.security.enabled'), 'success');
                void queryClient.invalidateQueries({ queryKey: meKey });
              }}
            />
          </Stack>
        )}
      </Paper>
    </PortalFrame>
  );
}
