import type { Me, MePost } from '@civicdesk/contracts/identity';
import { describe, expect, it } from 'vitest';
import {
  canReadRegisters,
  canUseEoffice,
  draftingPosts,
  incomingAgencies,
  isClerk,
} from './eoffice-access.ts';

const post = (agencyId: string, role: MePost['role']): MePost => ({
  id: `${agencyId}-${role}`,
  agencyId,
  agencyCode: agencyId,
  agencyName: agencyId,
  country: 'vn',
  unitId: null,
  unitName: null,
  positionName: null,
  role,
});
const me = (posts: MePost[], isPlatformAdmin = false) => ({ isPlatformAdmin, posts }) as Me;

describe('e-office menu access', () => {
  it('shows documents to staff, not to external members or citizens', () => {
    expect(canUseEoffice(me([post('a', 'official')]))).toBe(true);
    expect(canUseEoffice(me([post('a', 'external_member')]))).toBe(false);
    expect(canUseEoffice(me([]))).toBe(false);
  });

  it('offers each drafting agency once', () => {
    expect(
      draftingPosts(me([post('a', 'official'), post('a', 'clerk'), post('b', 'head')])).map(
        (p) => p.agencyId,
      ),
    ).toEqual(['a', 'b']);
  });

  it('gives registers to clerks, heads and administrators, incoming copies to clerks and heads', () => {
    expect(canReadRegisters(me([post('a', 'official')]))).toBe(false);
    expect(canReadRegisters(me([post('a', 'clerk')]))).toBe(true);
    expect(canReadRegisters(me([post('a', 'agency_admin')]))).toBe(true);
    expect(canReadRegisters(me([], true))).toBe(true);
    expect(incomingAgencies(me([post('a', 'head'), post('b', 'official')])).map((p) => p.agencyId)).toEqual([
      'a',
    ]);
    expect(isClerk(me([post('a', 'head')]))).toBe(false);
  });
});
