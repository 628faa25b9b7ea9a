import type { Poll } from '@civicdesk/contracts/committees';
import { Alert, Badge, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import IconCircleCheck from '@tabler/icons-react/dist/esm/icons/IconCircleCheck.mjs';
import IconCircleX from '@tabler/icons-react/dist/esm/icons/IconCircleX.mjs';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/ScrollTable.tsx';
import { outcomeSentence, quorumSentence } from './committee-rules.ts';
import { recalledReceipt } from './receipts.ts';

export const choiceColors = { yes: 'teal', no: 'red', abstain: 'gray' } as const;
const choices = ['yes', 'no', 'abstain'] as const;

/** Yes / no / abstain as three bars; the live view for the chair and the published tally after close. */
export function TallyBars({ tally }: { tally: NonNullable<Poll['tally']> }) {
  const { t } = useTranslation();
  const share = (n: number) => (tally.voted > 0 ? (100 * n) / tally.voted : 0);
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" data-testid="tally">
      {choices.map((c) => (
        <Stack key={c} gap={4}>
          <Group justify="space-between" gap={4}>
            <Text size="sm">{t(`committees.vote.choices.${c}`)}</Text>
            <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {tally[c]}
            </Text>
          </Group>
          <Progress value={share(tally[c])} color={choiceColors[c]} size="sm" aria-hidden />
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** After close: the outcome sentence, the counts, then who voted what (named) or every receipt (secret). */
export function PollResults({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const mine = poll.myVote?.receipt ?? recalledReceipt(poll.id);
  const outcome = poll.outcome;

  return (
    <Stack gap="md" data-testid="poll-results">
      {outcome && (
        <Alert
          color={outcome.passed ? 'teal' : 'red'}
          variant="light"
          icon={
            outcome.passed ? <IconCircleCheck size={22} aria-hidden /> : <IconCircleX size={22} aria-hidden />
          }
          data-testid="poll-outcome"
        >
          <Text fw={600} size="sm" c={outcome.passed ? 'teal.9' : 'red.9'}>
            {outcomeSentence(t, outcome, poll.tally)}
          </Text>
        </Alert>
      )}
      {poll.tally && <TallyBars tally={poll.tally} />}
      <Text size="xs" c="dimmed">
        {t('committees.vote.quorumAtVote', { quorum: quorumSentence(t, poll.quorum) })}
      </Text>
      {poll.votes && poll.votes.length > 0 && (
        <ScrollTable minWidth={360} label={t('committees.vote.namedVotes')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('committees.members.name')}</Table.Th>
              <Table.Th>{t('committees.vote.choice')}</Table.Th>
              {poll.votes.some((v) => v.reason) && <Table.Th>{t('committees.vote.reason')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {poll.votes.map((v) => (
              <Table.Tr key={v.name}>
                <Table.Td>{v.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={choiceColors[v.choice]}>
                    {t(`committees.vote.choices.${v.choice}`)}
                  </Badge>
                </Table.Td>
                {poll.votes?.some((x) => x.reason) && (
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {v.reason ?? ''}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {poll.receipts && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('committees.vote.receiptsTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('committees.vote.receiptsHint')}
          </Text>
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="receipts">
            {poll.receipts.map((r) => (
              <Group
                key={r.receipt}
                component="li"
                gap="xs"
                px="sm"
                py={6}
                wrap="wrap"
                bg={r.receipt === mine ? 'yellow.1' : 'gray.0'}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Text
                  ff="monospace"
                  size="sm"
                  fw={r.receipt === mine ? 700 : 400}
                  style={{ wordBreak: 'break-all' }}
                >
                  {r.receipt}
                </Text>
                <Badge variant="light" color={choiceColors[r.choice]}>
                  {t(`committees.vote.choices.${r.choice}`)}
                </Badge>
                {r.receipt === mine && (
                  <Badge variant="filled" color="yellow.7" c="dark">
                    {t('committees.vote.yourBallot')}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
      {poll.participants.length > 0 && (
        <Text size="sm" data-testid="poll-participants">
          <Text span fw={600}>
            {t('committees.vote.participants', { count: poll.participants.length })}:
          </Text>{' '}
          {poll.participants.join(', ')}
        </Text>
      )}
    </Stack>
  );
}
