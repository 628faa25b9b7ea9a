import { createBrowserRouter, type RouteObject } from 'react-router';
import { EnrollPage } from '../features/auth/EnrollPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { onUnauthorized } from '../lib/api.ts';
import { DeliveryPage, DocumentEditorPage, DocumentPage, navEntries, ProfilePage } from './navigation.ts';
import { queryClient } from './queryClient.ts';
import { AppLayout } from './shell/AppLayout.tsx';
import { EntryGuard } from './shell/EntryGuard.tsx';
import { NotFound } from './shell/NotFound.tsx';
import { RequireAuth } from './shell/RequireAuth.tsx';
import { RouteError } from './shell/RouteError.tsx';

const entryRoutes: RouteObject[] = navEntries.map((entry) =>
  entry.path === '/'
    ? { index: true, element: <EntryGuard entry={entry} /> }
    : { path: `${entry.path.slice(1)}/*`, element: <EntryGuard entry={entry} /> },
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  { path: '/enroll', element: <EnrollPage />, errorElement: <RouteError /> },
  // Public: anyone checks a signed PDF, or follows the QR code printed on an issued document.
  {
    path: '/verify',
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/signatures/VerifyPage.tsx')).VerifyPage }),
      },
      {
        path: ':code',
        lazy: async () => ({
          Component: (await import('../features/signatures/VerifyCodePage.tsx')).VerifyCodePage,
        }),
      },
    ],
  },
  // Public: the citizen portal (catalogue, accounts, guest tracking, applications and records).
  {
    path: '/portal/*',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('../features/portal/PortalPage.tsx')).PortalPage }),
  },
  // Public: an invited outside expert accepts the committee invitation and creates the account.
  {
    path: '/invite/:token',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('../features/committees/InvitePage.tsx')).InvitePage }),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      ...entryRoutes,
      { path: 'profile', element: <ProfilePage /> },
      { path: 'documents/new', element: <DocumentEditorPage /> },
      { path: 'documents/:id', element: <DocumentPage /> },
      { path: 'documents/:id/edit', element: <DocumentEditorPage /> },
      { path: 'deliveries/:id', element: <DeliveryPage /> },
      // The Meetings entry (meetings/*) also takes the committees' links: /meetings/:id of a committee meeting goes
      // on to its page, /meetings/:id/video opens its video room.
      { path: '*', element: <NotFound /> },
    ],
  },
]);

// A request that finds the session gone sends the person to sign in again, then back to where they were.
onUnauthorized(() => {
  const { pathname, search } = router.state.location;
  // The public verification pages work without an account: their anonymous /me is no lost session.
  if (pathname === '/login' || pathname === '/verify' || pathname.startsWith('/verify/')) return;
  if (pathname.startsWith('/invite/') || pathname === '/portal' || pathname.startsWith('/portal/')) return;
  void router
    .navigate('/login', { replace: true, state: { from: pathname + search } })
    .then(() => queryClient.clear());
});
