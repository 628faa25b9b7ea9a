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
      { path: '*', element: <NotFound /> },
    ],
  },
]);

// A request that finds the session gone sends the person to sign in again, then back to where they were.
onUnauthorized(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  void router
    .navigate('/login', { replace: true, state: { from: pathname + search } })
    .then(() => queryClient.clear());
});
