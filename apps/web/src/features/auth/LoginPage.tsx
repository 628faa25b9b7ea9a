import type { LoginResponse } from '@civicdesk/contracts/identity';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { AuthFrame } from './AuthFrame.tsx';
import { meKey, useMe } from './auth.api.ts';
import { MfaForm } from './MfaForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';

type MfaStep = { username: string; methods: ('totp' | 'passkey')[] };

/** Sign-in: password, then a second factor when the account has one; or a passkey alone. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const [mfa, setMfa] = useState<MfaStep | null>(null);
  const from = (location.state as { from?: string } | null)?.from;
  const target = from?.startsWith('/') && !from.startsWith('/login') ? from : '/';

  async function proceed(result: LoginResponse, username: string) {
    if (result.stage === 'mfa') {
      setMfa({ username, methods: result.methods ?? ['totp'] });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: meKey });
    await navigate(result.stage === 'enroll' ? '/enroll' : target, { replace: true });
  }

  if (me.data?.stage === 'full' && !mfa) return <Navigate to={target} replace />;

  return (
    <AuthFrame
      title={mfa ? t('auth.mfaTitle') : t('auth.signInTitle')}
      subtitle={mfa ? t('auth.mfaSubtitle') : t('auth.signInSubtitle')}
    >
      {mfa ? (
        <MfaForm
          username={mfa.username}
          methods={mfa.methods}
          onDone={(r) => proceed(r, mfa.username)}
          onBack={() => setMfa(null)}
        />
      ) : (
        <PasswordForm onDone={proceed} />
      )}
    </AuthFrame>
  );
}
