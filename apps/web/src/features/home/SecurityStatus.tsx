import type { Me } from '@civicdesk/contracts/identity';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../ui/SectionCard.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm">{label}</Text>
      {children}
    </Group>
  );
}

export function SecurityStatus({ me }: { me: Me }) {
  const { t } = useTranslation();
  const weak = !me.totpEnabled && me.passkeys === 0;
  return (
    <SectionCard title={t('home.securityTitle')} id="home-security">
      <Stack gap="sm">
        <Row label={t('security.twoFactor')}>
          <Badge color={me.totpEnabled ? 'teal.9' : 'gray.7'} variant="light" data-testid="security-2fa">
            {me.totpEnabled ? t('common.on') : t('common.off')}
          </Badge>
        </Row>
        <Row label={t('security.passkeys')}>
          <Badge color="gray.7" variant="light" data-testid="security-passkeys">
            {me.passkeys}
          </Badge>
        </Row>
        {weak && (
          <Alert color="orange" variant="light" p="sm">
            <Text size="sm">{t('home.securityAdvice')}</Text>
          </Alert>
        )}
      </Stack>
      <div>
        <Button component={Link} to="/profile#security" variant="light">
          {t('home.manageSecurity')}
        </Button>
      </div>
    </SectionCard>
  );
}
