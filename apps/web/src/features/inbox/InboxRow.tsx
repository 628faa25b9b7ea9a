import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { UrgencyBadge } from '../documents/DocumentBadges.tsx';
import type { Urgency } from '../documents/document-meta.ts';

type Props = {
  to: string;
  urgency: Urgency;
  /** Short type: the code (QĐ, CV…) or, for Korean types, the name. */
  type: string;
  number: string | null;
  subject: string;
  who: string;
  date: ReactNode;
  status: ReactNode;
  /** Deadline, task or other markers shown after the status. */
  extra?: ReactNode;
  /** Not opened yet (a copy for information): shown bold. */
  unread?: boolean;
  testId?: string;
};

/** One document in a work list: the whole row is a link, readable from a phone without a table. */
export function InboxRow({
  to,
  urgency,
  type,
  number,
  subject,
  who,
  date,
  status,
  extra,
  unread,
  testId,
}: Props) {
  return (
    <Box
      component="li"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid={testId}
    >
      <UnstyledButton
        component={Link}
        to={to}
        display="block"
        px={{ base: 'sm', sm: 'md' }}
        py="sm"
        className="inbox-row"
        w="100%"
      >
        <Stack gap={4}>
          <Group gap={6} wrap="wrap">
            <UrgencyBadge urgency={urgency} size="xs" />
            <Text span size="xs" fw={700} c="civic.8">
              {type}
            </Text>
            {number && (
              <Text span size="xs" fw={600} c="dark.6">
                {number}
              </Text>
            )}
          </Group>
          <Text fw={unread ? 700 : 500} size="sm" lineClamp={2} c="dark.8">
            {subject}
          </Text>
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Text size="xs" c="dimmed" truncate="end" maw="100%">
              {who} · {date}
            </Text>
            <Group gap={6} wrap="wrap">
              {extra}
              {status}
            </Group>
          </Group>
        </Stack>
      </UnstyledButton>
    </Box>
  );
}
