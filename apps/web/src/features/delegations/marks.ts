import type { Country } from '@civicdesk/contracts/common';
import type { Delegation } from '@civicdesk/contracts/org';
import type { Mark } from './delegations.api.ts';

type Kind = Delegation['kind'];

// The signing marks each country's rules know. Vietnam (Decree 30/2020/NĐ-CP, art. 13): KT. (ký thay), TL. (thừa
// lệnh) and TUQ. (thừa ủy quyền, not re-delegable) sign under delegation, Q. for an acting head. Korea: 전결 is
// final approval delegated by the agency's rule table, 대결 approval in place of an absent approver.
const marksByCountry: Record<Country, Record<Kind, Mark[]>> = {
  vn: { delegated: ['KT', 'TL', 'TUQ'], acting: ['Q'] },
  kr: { delegated: ['JEONGYEOL'], acting: ['DAEGYEOL'] },
};

export function marksFor(country: Country, kind: Kind): Mark[] {
  return marksByCountry[country][kind];
}

export type DelegationStatus = 'revoked' | 'scheduled' | 'active' | 'expired';

/** Where a delegation stands today (dates are calendar days, inclusive). */
export function delegationStatus(
  d: Pick<Delegation, 'revoked' | 'validFrom' | 'validTo'>,
  today: string,
): DelegationStatus {
  if (d.revoked) return 'revoked';
  if (today < d.validFrom.slice(0, 10)) return 'scheduled';
  if (today > d.validTo.slice(0, 10)) return 'expired';
  return 'active';
}
