import type { Quorum } from '@civicdesk/contracts/committees';
import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quorumSentence } from './committee-rules.ts';

/** "7 of 11 members present — quorum 6 — met", with a bar and a mark where the quorum lies. */
export function QuorumBar({ quorum, label }: { quorum: Quorum; label?: string }) {
  const { t } = useTranslation();
  const share = (n: number) => (quorum.members > 0 ? (100 * n) / quorum.members : 0);
  return (
    <Stack gap={6} data-testid="quorum-bar">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label ?? t('committees.quorum.title')}
        </Text>
        <Badge color={quorum.met ? 'teal' : 'orange'} variant="light">
          {t(quorum.met ? 'committees.quorum.metShort' : 'committees.quorum.notMetShort')}
        </Badge>
      </Group>
      <Box pos="relative">
        <Progress
          value={share(quorum.present)}
          color={quorum.met ? 'teal' : 'orange'}
          size="lg"
          radius="xl"
          aria-label={quorumSentence(t, quorum)}
        />
        <Box
          pos="absolute"
          top={-3}
          bottom={-3}
          w={2}
          bg="dark.6"
          style={{ left: `calc(${share(quorum.required)}% - 1px)` }}
          aria-hidden
        />
      </Box>
      <Text size="sm" c="dimmed" aria-live="polite">
        {quorumSentence(t, quorum)}
      </Text>
    </Stack>
  );
}
