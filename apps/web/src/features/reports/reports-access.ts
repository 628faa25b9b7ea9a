import type { Me, MePost } from '@civicdesk/contracts/identity';

// Who sees the reports and dashboard screens; the server authorises every request regardless.

function postsWith(me: Me | undefined, roles: string[]): MePost[] {
  const seen = new Set<string>();
  return (me?.posts ?? []).filter((p) => {
    if (!roles.includes(p.role) || seen.has(p.agencyId)) return false;
    seen.add(p.agencyId);
    return true;
  });
}

/** Agencies whose reports the person fills (clerks, heads, administrators). */
export const fillingPosts = (me: Me | undefined) => postsWith(me, ['clerk', 'head', 'agency_admin']);

/** Agencies for which the person defines report templates (heads and administrators). */
export const definingPosts = (me: Me | undefined) => postsWith(me, ['head', 'agency_admin']);

export const canUseReports = (me: Me | undefined) =>
  !!me && (me.isPlatformAdmin || fillingPosts(me).length > 0);

/** The dashboard is for heads, clerks and administrators (of their agency and what lies below it). */
export const canSeeDashboard = canUseReports;
