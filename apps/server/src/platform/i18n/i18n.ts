// Server-side messages in the three languages of the product. Each module contributes its own catalog;
// a key missing in one language falls back to English, and an unknown key shows itself (a bug to fix).
export const locales = ['ko', 'vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export type Catalog = Record<Locale, Record<string, string>>;

const catalog: Catalog = { ko: {}, vi: {}, en: {} };

export function registerMessages(messages: Catalog): void {
  for (const locale of locales) Object.assign(catalog[locale], messages[locale]);
}

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalog[locale][key] ?? catalog.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the best locale from an Accept-Language header (ko, vi, en; English when nothing matches). */
export function localeFromHeader(header: string | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return 'en';
}
