// Period presets of the dashboard, as [from, to] ISO dates in UTC.
export type Preset = 'this_month' | 'last_month' | 'this_quarter' | 'this_year' | 'last_12_months';
export const presets: Preset[] = ['this_month', 'last_month', 'this_quarter', 'this_year', 'last_12_months'];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function presetRange(p: Preset, today = new Date()): { from: string; to: string } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  switch (p) {
    case 'this_month':
      return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(today) };
    case 'last_month':
      return { from: iso(new Date(Date.UTC(y, m - 1, 1))), to: iso(new Date(Date.UTC(y, m, 0))) };
    case 'this_quarter':
      return { from: iso(new Date(Date.UTC(y, Math.floor(m / 3) * 3, 1))), to: iso(today) };
    case 'this_year':
      return { from: `${y}-01-01`, to: iso(today) };
    case 'last_12_months':
      return { from: iso(new Date(Date.UTC(y, m - 11, 1))), to: iso(today) };
  }
}

/** a / b as a percentage with one decimal; null when there is nothing to divide. */
export const percent = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 1000) / 10;
