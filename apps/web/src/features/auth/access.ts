import type { Country } from '@civicdesk/contracts/common';
import type { Me, MePost } from '@civicdesk/contracts/identity';
import { currentLocale } from '../../lib/i18n/i18n.ts';

/** The post that sets the person's working context (agency shown in the header, date style). */
export function primaryPost(me: Me | undefined): MePost | undefined {
  return me?.posts[0];
}

/** Administration pages are for platform admins and agency admins; the server still checks every request. */
export function canAdminister(me: Me | undefined): boolean {
  return !!me && (me.isPlatformAdmin || me.posts.some((p) => p.role === 'agency_admin'));
}

/** The agency an admin page opens on: the first one the person administers. */
export function homeAgencyId(me: Me | undefined): string | undefined {
  return (me?.posts.find((p) => p.role === 'agency_admin') ?? me?.posts[0])?.agencyId;
}

/** Date style of the person's own agency; without a post, the one that matches the UI language. */
export function userCountry(me: Me | undefined): Country {
  return primaryPost(me)?.country ?? (currentLocale() === 'ko' ? 'kr' : 'vn');
}
