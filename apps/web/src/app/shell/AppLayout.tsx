import { AppShell, Container } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useMe } from '../../features/auth/auth.api.ts';
import { useEofficeLive } from '../../features/inbox/inbox.api.ts';
import { useRealtimeSync } from '../../features/notifications/useRealtimeSync.ts';
import { useUserLocale } from '../../features/profile/language.ts';
import { Loading } from '../../ui/Loading.tsx';
import { AppHeader } from './AppHeader.tsx';
import { NavMenu } from './NavMenu.tsx';

/** Header, navigation and the page: the frame every signed-in screen sits in. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [navOpened, nav] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { pathname } = useLocation();
  useUserLocale(me);
  useRealtimeSync();
  // Inbox counters (and the navigation badge) follow every pushed notification, on every screen.
  useEofficeLive();

  // On phones the menu is an overlay: close it once a page is chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => nav.close(), [pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'xl' }}
      bg="gray.0"
    >
      <a className="skip-link" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader me={me} navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      {/* Off-screen on phones while closed: inert keeps it out of the keyboard order too. */}
      <AppShell.Navbar p="sm" aria-label={t('nav.label')} id="app-navbar" inert={isPhone && !navOpened}>
        <NavMenu me={me} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} data-testid="main-content" style={{ outline: 'none' }}>
        <Container size="xl" px={0}>
          <Suspense fallback={<Loading minHeight={320} />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
