import type { Me } from '@civicdesk/contracts/identity';

const staffRoles = new Set(['agency_admin', 'clerk', 'head', 'official', 'secretary']);

/** Staff with a post (and platform administrators) book rooms and seats; the server checks every request. */
export const canUseRooms = (me: Me) =>
  me.isPlatformAdmin || (me.kind === 'staff' && me.posts.some((p) => staffRoles.has(p.role)));
