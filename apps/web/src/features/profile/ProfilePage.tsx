import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMe } from '../auth/auth.api.ts';
import { MySignatureSection } from '../signatures/MySignatureSection.tsx';
import { AccountSection } from './AccountSection.tsx';
import { PasskeysSection } from './PasskeysSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const { hash } = useLocation();

  // The home page links to #security: bring that part into view once the page is there.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash]);

  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.subtitle')} />
      <Stack gap="lg" maw={880}>
        <AccountSection me={me} />
        <PasswordSection />
        <MySignatureSection />
        <div id="security" style={{ scrollMarginTop: 80 }}>
          <Stack gap="lg">
            <TwoFactorSection me={me} />
            <PasskeysSection />
          </Stack>
        </div>
        <SessionsSection />
      </Stack>
    </>
  );
}
