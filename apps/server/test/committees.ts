// Bodies for committee tests that set committees up through HTTP (committees.routes, meetings.routes).

export const rules = {
  quorum: 'majority_of_members',
  threshold: 'majority_of_present',
  chairVotes: true,
  tie: 'fails',
  writtenAllowed: true,
  writtenGrounds: 'Vấn đề cấp bách hoặc đơn giản',
} as const;

export const committeeBody = (agencyId: string, extra: Record<string, unknown> = {}) => ({
  agencyId,
  name: 'Hội đồng xét duyệt sáng kiến',
  legalBasis: 'Quyết định số 45/QĐ-UBND',
  function: 'advisory',
  rules,
  termYears: 4,
  maxTerms: 2,
  concurrencyLimit: 3,
  rates: { attendance: 400_000, review: 200_000, travel: 100_000 },
  ...extra,
});
