import type { Locale } from '@civicdesk/contracts/common';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages: { code: Locale; label: string }[] = [
  { code: 'ko', label: '한국어' },
  { code: 'vi', label: 'Tiếng Việt' },
  { code: 'en', label: 'English' },
];

const storageKey = 'civicdesk.language';

// Each language is its own chunk: the first screen downloads only the one it shows.
const bundles: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./en.json'),
  ko: () => import('./ko.json'),
  vi: () => import('./vi.json'),
};

export function isLocale(value: unknown): value is Locale {
  return value === 'ko' || value === 'vi' || value === 'en';
}

/** Saved choice first, then the browser's preferred languages, then English. */
function initialLanguage(): Locale {
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLocale(saved)) return saved;
  } catch {
    // storage may be disabled; the browser language still works
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

export const i18n: I18n = i18next.createInstance();

async function loadBundle(lng: Locale): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  const bundle = await bundles[lng]();
  i18n.addResourceBundle(lng, 'translation', bundle.default, true, true);
}

function reflect(lng: string) {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // not persisted; this session still uses it
  }
}

/** Resolves once the first language is loaded; the app renders after that. */
export const i18nReady: Promise<void> = (async () => {
  const lng = initialLanguage();
  const bundle = await bundles[lng]();
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { translation: bundle.default } },
    lng,
    fallbackLng: false,
    supportedLngs: ['ko', 'vi', 'en'],
    interpolation: { escapeValue: false },
  });
  reflect(lng);
  i18n.on('languageChanged', reflect);
})();

/** Loads the language if needed, then switches the whole UI to it. */
export async function changeLanguage(lng: Locale): Promise<void> {
  await loadBundle(lng);
  await i18n.changeLanguage(lng);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}
