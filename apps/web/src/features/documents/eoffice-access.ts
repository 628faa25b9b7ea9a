import type { Me, MePost } from '@civicdesk/contracts/identity';

// Who sees which e-office screens. These only shape the menu; the server authorises every request.

const draftingRoles = new Set(['official', 'head', 'clerk', 'secretary', 'agency_admin']);

/** Posts in which the person may draft (any staff post): the agencies offered on a new document. */
export function draftingPosts(me: Me | undefined): MePost[] {
  const seen = new Set<string>();
  return (me?.posts ?? []).filter((p) => {
    if (!draftingRoles.has(p.role) || seen.has(p.agencyId)) return false;
    seen.add(p.agencyId);
    return true;
  });
}

export const canUseEoffice = (me: Me | undefined) => draftingPosts(me).length > 0;

function agenciesWith(me: Me | undefined, roles: string[]): MePost[] {
  const seen = new Set<string>();
  return (me?.posts ?? []).filter((p) => {
    if (!roles.includes(p.role) || seen.has(p.agencyId)) return false;
    seen.add(p.agencyId);
    return true;
  });
}

/** Agencies whose incoming copies the person receives (clerk) or assigns (head). */
export const incomingAgencies = (me: Me | undefined) => agenciesWith(me, ['clerk', 'head']);

export const isClerk = (me: Me | undefined) => agenciesWith(me, ['clerk']).length > 0;

/** Registers are kept by clerks and read by heads and agency administrators (Decree 30 Appendix IV). */
export const registerAgencies = (me: Me | undefined) => agenciesWith(me, ['clerk', 'head', 'agency_admin']);

export const canReadRegisters = (me: Me | undefined) =>
  !!me && (me.isPlatformAdmin || registerAgencies(me).length > 0);

/** The navigation badge of the e-office entry (what waits for the person's action), kept in the counters cache. */
export const eofficeCounter = 'eoffice';
