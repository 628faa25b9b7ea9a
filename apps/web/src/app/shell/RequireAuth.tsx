import { Button, Center, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../features/auth/auth.api.ts';
import { ApiError } from '../../lib/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';

/** The app behind sign-in: no session → sign-in page; a session that still owes 2FA enrolment → enrolment. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const from = location.pathname + location.search;

  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (me.data?.stage === 'enroll') return <Navigate to="/enroll" replace />;
  if (me.data?.stage === 'mfa') return <Navigate to="/login" replace state={{ from }} />;
  if (me.data) return children;
  if (me.isPending) return <Loading minHeight={320} />;
  return (
    <Center mih="60vh" p="md">
      <Stack maw={420}>
        <ErrorAlert error={me.error} />
        <Button onClick={() => me.refetch()}>{t('common.retry')}</Button>
      </Stack>
    </Center>
  );
}
