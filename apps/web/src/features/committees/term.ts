import { toIsoDate } from '../../lib/format.ts';

/** A new term starts today and runs the committee's full term length (the server refuses a longer one). */
export function defaultTerm(
  termYears: number,
  today: Date = new Date(),
): { termStart: string; termEnd: string } {
  const end = new Date(today);
  end.setFullYear(end.getFullYear() + termYears);
  end.setDate(end.getDate() - 1);
  return { termStart: toIsoDate(today), termEnd: toIsoDate(end) };
}
