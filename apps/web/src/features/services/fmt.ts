import { formatDate, formatDateTime } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';

// Dates in the style of the reader's language (the portal has no agency post to take a style from).
const country = () => (currentLocale() === 'ko' ? 'kr' : 'vn');
export const showDate = (v: string | null | undefined) => formatDate(v, country());
export const showDateTime = (v: string | null | undefined) => formatDateTime(v, country());

export const stateColor: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  info_requested: 'orange',
  approved: 'teal',
  refused: 'red',
};
