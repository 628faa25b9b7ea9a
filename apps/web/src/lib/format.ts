import type { Country, Locale } from '@civicdesk/contracts/common';

// Dates follow the agency's country profile, not the UI language: a Vietnamese agency reads 31/01/2025 and a
// Korean one 2025. 01. 31. whatever language the person chose. Times are 24-hour in both.

type Parts = { year: string; month: string; day: string; hour: string; minute: string };
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(value: string | Date, timeZone?: string): Parts | null {
  if (typeof value === 'string') {
    const m = dateOnly.exec(value);
    // A calendar date has no time zone: show it as written.
    if (m) return { year: m[1]!, month: m[2]!, day: m[3]!, hour: '00', minute: '00' };
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute! };
}

function datePart(p: Parts, country: Country): string {
  // Korea writes 2025. 1. 31. (no leading zeros); Vietnam 31/01/2025.
  return country === 'kr'
    ? `${p.year}. ${Number(p.month)}. ${Number(p.day)}.`
    : `${p.day}/${p.month}/${p.year}`;
}

/** 31/01/2025 (vn) or 2025. 1. 31. (kr). */
export function formatDate(
  value: string | Date | null | undefined,
  country: Country,
  timeZone?: string,
): string {
  if (value === null || value === undefined) return '';
  const p = partsOf(value, timeZone);
  return p ? datePart(p, country) : '';
}

/** 31/01/2025 14:05 (vn) or 2025. 01. 31. 14:05 (kr). */
export function formatDateTime(
  value: string | Date | null | undefined,
  country: Country,
  timeZone?: string,
): string {
  if (value === null || value === undefined) return '';
  const p = partsOf(value, timeZone);
  return p ? `${datePart(p, country)} ${p.hour}:${p.minute}` : '';
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago" in the UI language; under a minute reads "now". */
export function formatRelative(value: string | Date, locale: Locale, now: Date = new Date()): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** A calendar date (yyyy-mm-dd) in local time, as the API expects for date fields. */
export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start (or end) of a local calendar day as an ISO timestamp, for range filters. */
export function dayBoundary(isoDate: string, edge: 'start' | 'end'): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date =
    edge === 'start' ? new Date(y!, m! - 1, d!, 0, 0, 0, 0) : new Date(y!, m! - 1, d!, 23, 59, 59, 999);
  return date.toISOString();
}
