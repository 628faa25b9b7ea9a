// Reporting periods from a schedule, as ISO dates (UTC): monthly, quarterly or yearly; a period's report is due
// on `dueDay` of the month after it ends (e.g. monthly, day 5: October's report by 5 November).

export type Frequency = 'monthly' | 'quarterly' | 'yearly';
export type PeriodDates = { start: string; end: string; dueOn: string };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const months: Record<Frequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The first day of the period containing `day`. */
export function periodStart(frequency: Frequency, day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const step = months[frequency];
  const m = Math.floor(d.getUTCMonth() / step) * step;
  return iso(new Date(Date.UTC(d.getUTCFullYear(), m, 1)));
}

export function periodAt(frequency: Frequency, start: string, dueDay: number): PeriodDates {
  const s = new Date(`${start}T00:00:00Z`);
  const next = new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + months[frequency], 1));
  const end = new Date(next.getTime() - 86_400_000);
  const due = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth(), dueDay));
  return { start, end: iso(end), dueOn: iso(due) };
}

/** Every period from the one containing `startsOn` up to the one containing `today`. */
export function periodsUntil(
  frequency: Frequency,
  startsOn: string,
  today: string,
  dueDay: number,
): PeriodDates[] {
  const out: PeriodDates[] = [];
  let start = periodStart(frequency, startsOn);
  const last = periodStart(frequency, today);
  while (start <= last && out.length < 1000) {
    const p = periodAt(frequency, start, dueDay);
    out.push(p);
    start = iso(new Date(new Date(`${p.end}T00:00:00Z`).getTime() + 86_400_000));
  }
  return out;
}
