import { Badge } from '@mantine/core';
import IconClock from '@tabler/icons-react/dist/esm/icons/IconClock.mjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownParts, minutesLeft } from './committee-rules.ts';

/** "Closes in 2 d 4 h", refreshed every minute; "Deadline passed" after it. */
export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = minutesLeft(deadline, now);
  if (left <= 0)
    return (
      <Badge color="red" variant="light" leftSection={<IconClock size={14} aria-hidden />}>
        {t('committees.countdown.passed')}
      </Badge>
    );
  const { d, h, m } = countdownParts(left);
  const key = d > 0 ? 'days' : h > 0 ? 'hours' : 'minutes';
  return (
    <Badge
      color={left < 24 * 60 ? 'orange' : 'blue'}
      variant="light"
      leftSection={<IconClock size={14} aria-hidden />}
      tt="none"
      data-testid="countdown"
    >
      {t(`committees.countdown.${key}`, { d, h, m })}
    </Badge>
  );
}
