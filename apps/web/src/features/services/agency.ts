import type { Me } from '@civicdesk/contracts/identity';
import { useState } from 'react';

const staffRoles = new Set(['agency_admin', 'clerk', 'head', 'official']);

/** The agencies where the person handles public services (one entry per agency). */
export function serviceAgencies(me: Me | undefined, adminOnly = false) {
  const seen = new Map<string, { value: string; label: string }>();
  for (const p of me?.posts ?? [])
    if ((adminOnly ? p.role === 'agency_admin' : staffRoles.has(p.role)) && !seen.has(p.agencyId))
      seen.set(p.agencyId, { value: p.agencyId, label: p.agencyName });
  return [...seen.values()];
}

export const canUseServices = (me: Me) => me.kind === 'staff' && serviceAgencies(me).length > 0;

export function useAgencyChoice(me: Me | undefined, adminOnly = false) {
  const options = serviceAgencies(me, adminOnly);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  return { options, agencyId: agencyId ?? options[0]?.value ?? null, setAgencyId };
}
