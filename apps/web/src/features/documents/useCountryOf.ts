import type { Country } from '@civicdesk/contracts/common';
import { useCallback } from 'react';
import { userCountry } from '../auth/access.ts';
import { useMe } from '../auth/auth.api.ts';
import { useAgencies } from '../org/org.api.ts';

/** Dates follow the country profile of the agency a document belongs to, not the UI language. */
export function useCountryOf(): (agencyId: string | null | undefined) => Country {
  const fallback = userCountry(useMe().data);
  const agencies = useAgencies().data;
  return useCallback(
    (agencyId) => agencies?.find((a) => a.id === agencyId)?.country ?? fallback,
    [agencies, fallback],
  );
}
