import { notifications } from '@mantine/notifications';
import { i18n } from '../lib/i18n/i18n.ts';

type Tone = 'success' | 'error' | 'warning' | 'info';
const colors: Record<Tone, string | undefined> = {
  success: 'teal',
  error: 'red',
  warning: 'orange',
  info: undefined,
};
const durations: Record<Tone, number> = { success: 4000, error: 8000, warning: 10_000, info: 6000 };

/** A short message in the corner; errors stay longer. Its close button is named (Mantine's is not). */
export function toast(message: string, tone: Tone = 'info'): void {
  notifications.show({
    message,
    color: colors[tone],
    autoClose: durations[tone],
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
