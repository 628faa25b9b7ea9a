// Legal processing times are counted in working days (Vietnam: Decree 61/2018 art. 19, time limits exclude
// weekends and public holidays; Korea: 민원 처리에 관한 법률 시행령 §19, 공휴일과 토요일 제외). Counting starts
// on the working day after the day of receipt. Dates are ISO calendar dates in the agency's own time zone.

const dayMs = 86_400_000;

const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / dayMs;
const fromDay = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

export function isWorkingDay(iso: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(iso);
}

/** The date on which `days` working days after `from` have passed (from itself not counted). */
export function addWorkingDays(from: string, days: number, holidays: ReadonlySet<string>): string {
  let day = toDay(from);
  let left = days;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(fromDay(day), holidays)) left -= 1;
  }
  return fromDay(day);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = toDay(from) + 1; day <= toDay(to); day += 1)
    if (isWorkingDay(fromDay(day), holidays)) count += 1;
  return count;
}

const offsetMinutes = { vn: 7 * 60, kr: 9 * 60 } as const;

/** The calendar date of an instant in the agency's country. */
export function localDate(at: Date, country: 'vn' | 'kr'): string {
  return new Date(at.getTime() + offsetMinutes[country] * 60_000).toISOString().slice(0, 10);
}

/** The last instant of a local calendar date: a deadline falls at the end of its day. */
export function endOfLocalDay(iso: string, country: 'vn' | 'kr'): Date {
  return new Date((toDay(iso) + 1) * dayMs - offsetMinutes[country] * 60_000 - 1);
}
