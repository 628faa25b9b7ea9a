import type { Role } from '@civicdesk/contracts/identity';

// Every role once: the Record type fails to compile when the contract adds or drops a role.
const roleSet: Record<Role, true> = {
  agency_admin: true,
  head: true,
  clerk: true,
  official: true,
  secretary: true,
  external_member: true,
  citizen: true,
};

export const roles = Object.keys(roleSet) as Role[];

/** Roles an agency admin hands out to a post (citizens sign up, they hold no post). */
export const postRoles = roles.filter((r) => r !== 'citizen');

export const roleColor = (role: Role) =>
  role === 'agency_admin' ? 'grape' : role === 'head' ? 'civic' : 'gray';
