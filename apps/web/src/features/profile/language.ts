import type { Locale } from '@civicdesk/contracts/common';
import type { Me } from '@civicdesk/contracts/identity';
import { useEffect } from 'react';
import { changeLanguage, i18n } from '../../lib/i18n/i18n.ts';
import { useMe } from '../auth/auth.api.ts';
import { useUpdateProfile } from './profile.api.ts';

let appliedFor: string | undefined;

/** At sign-in (or page load) the language saved in the person's profile wins over this browser's choice. */
export function useUserLocale(me: Me) {
  useEffect(() => {
    if (appliedFor === me.id) return;
    appliedFor = me.id;
    if (me.locale !== i18n.language) void changeLanguage(me.locale);
  }, [me]);
}

/** Switches the UI language now and, when signed in, saves it to the profile. */
export function useChangeLanguage() {
  const me = useMe().data;
  const update = useUpdateProfile();
  return (locale: Locale) => {
    void changeLanguage(locale);
    if (me && me.stage === 'full' && me.locale !== locale) update.mutate({ locale });
  };
}
