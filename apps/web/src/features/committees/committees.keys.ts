// Query keys of the committees screens, in one import-free file so realtime handling and tests can share them.

/** Every committees query lives under this key: a change refreshes what it touches. */
export const committeesKey = ['committees'] as const;
export const committeeKey = (id: string) => ['committees', 'committee', id] as const;
export const meetingKey = (id: string) => ['committees', 'meeting', id] as const;
export const meetingsKey = (committeeId: string) => ['committees', 'meetings', committeeId] as const;
export const minutesKey = (meetingId: string) => ['committees', 'meeting', meetingId, 'minutes'] as const;
export const pledgeKey = ['committees', 'pledge'] as const;
