import type { AgendaItem, MeetingDetail, Poll } from '@civicdesk/contracts/committees';
import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import IconLock from '@tabler/icons-react/dist/esm/icons/IconLock.mjs';
import IconReceipt from '@tabler/icons-react/dist/esm/icons/IconReceipt.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Countdown } from './Countdown.tsx';
import { latestPoll, notVoted } from './committee-rules.ts';
import { useClosePoll, useOpenPoll, useVote, type VoteChoice } from './meetings.api.ts';
import { choiceColors, PollResults, TallyBars } from './PollResults.tsx';
import { recalledReceipt } from './receipts.ts';

type Props = { meeting: MeetingDetail; item: AgendaItem };
const choices: VoteChoice[] = ['yes', 'no', 'abstain'];

/** A secret ballot's receipt, once, prominently: the only way back to the ballot in the published tally. */
function ReceiptBox({ receipt, fresh }: { receipt: string; fresh: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      // Light, not filled: white text on yellow is unreadable (1.6:1); a thick border keeps it prominent.
      color={fresh ? 'yellow' : 'gray'}
      variant="light"
      style={fresh ? { border: '2px solid var(--mantine-color-yellow-6)' } : undefined}
      icon={<IconReceipt size={22} aria-hidden />}
      title={t(fresh ? 'committees.vote.receiptTitle' : 'committees.vote.receiptAgain')}
      data-testid="vote-receipt"
    >
      <Stack gap="xs">
        <Text
          ff="monospace"
          fz={{ base: 22, sm: 26 }}
          fw={700}
          style={{ letterSpacing: '0.08em', wordBreak: 'break-all' }}
          data-testid="receipt-code"
        >
          {receipt}
        </Text>
        <Text size="sm">{t('committees.vote.receiptKeep')}</Text>
        <CopyButton value={receipt}>
          {({ copied, copy }) => (
            <Button size="xs" variant="white" color="dark" onClick={copy} w="fit-content">
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

/** Yes / No / Abstain as three big buttons; in written deliberation with a reason, changeable until close. */
function VoteForm({ poll, written }: { poll: Poll; written: boolean }) {
  const { t } = useTranslation();
  const vote = useVote(poll.id);
  const mine = poll.myVote;
  const [choice, setChoice] = useState<VoteChoice | null>(mine?.choice ?? null);
  const [reason, setReason] = useState(mine?.reason ?? '');
  const [showReceipt, setShowReceipt] = useState(false);
  const fresh = vote.data?.receipt ?? null;
  const kept = mine?.receipt ?? recalledReceipt(poll.id);
  const changeable = written || !mine;

  if (!changeable)
    return (
      <Stack gap="sm">
        <Text fw={600} data-testid="my-vote">
          {poll.secret || !mine?.choice
            ? t('committees.vote.castSecret')
            : t('committees.vote.castNamed', { choice: t(`committees.vote.choices.${mine.choice}`) })}
        </Text>
        {fresh ? (
          <ReceiptBox receipt={fresh} fresh />
        ) : (
          kept &&
          (showReceipt ? (
            <ReceiptBox receipt={kept} fresh={false} />
          ) : (
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => setShowReceipt(true)}>
              {t('committees.vote.showReceipt')}
            </Button>
          ))
        )}
      </Stack>
    );

  const send = () =>
    choice && vote.mutate({ choice, ...(written && reason.trim() ? { reason: reason.trim() } : {}) });

  return (
    <Stack gap="sm" data-testid="vote-form">
      {written && mine?.choice && (
        <Text size="sm" c="dimmed">
          {t('committees.vote.currentWritten', { choice: t(`committees.vote.choices.${mine.choice}`) })}
        </Text>
      )}
      <SimpleGrid
        cols={{ base: 1, xs: 3 }}
        spacing="xs"
        role="radiogroup"
        aria-label={t('committees.vote.yourVote')}
      >
        {choices.map((c) => (
          <Button
            key={c}
            size="lg"
            h={56}
            px={4}
            role="radio"
            aria-checked={choice === c}
            variant={choice === c ? 'filled' : 'outline'}
            // The chosen one is filled: a darker shade keeps white text readable (4.5:1).
            color={choice === c ? `${choiceColors[c]}.9` : choiceColors[c]}
            onClick={() => setChoice(c)}
            data-testid={`vote-${c}`}
          >
            {t(`committees.vote.choices.${c}`)}
          </Button>
        ))}
      </SimpleGrid>
      {written && (
        <Textarea
          label={t('committees.vote.reason')}
          description={t('committees.vote.reasonHint')}
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="vote-reason"
        />
      )}
      <ErrorAlert error={vote.error} />
      {fresh && <ReceiptBox receipt={fresh} fresh />}
      {choice ? (
        <Button
          size="md"
          h="auto"
          mih={44}
          py={8}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
          loading={vote.isPending}
          onClick={send}
          data-testid="vote-submit"
        >
          {t(mine?.choice ? 'committees.vote.change' : 'committees.vote.cast', {
            choice: t(`committees.vote.choices.${choice}`),
          })}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('committees.vote.pick')}
        </Text>
      )}
      {!written && (
        <Text size="xs" c="dimmed">
          {t(poll.secret ? 'committees.vote.finalSecret' : 'committees.vote.finalNamed')}
        </Text>
      )}
    </Stack>
  );
}

/** The chair's and the secretary's live count while the poll is open (results stay hidden from members). */
function LiveCount({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const tally = poll.tally;
  if (!tally) return null;
  return (
    <Stack gap={6} data-testid="live-count">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('committees.vote.votedOf', { voted: tally.voted, eligible: tally.eligible })}
        </Text>
      </Group>
      <Progress
        value={tally.eligible ? (100 * tally.voted) / tally.eligible : 0}
        size="md"
        radius="xl"
        aria-hidden
      />
      {!poll.secret && <TallyBars tally={tally} />}
    </Stack>
  );
}

/** Opening a vote on an item: named (roll call, the default) or secret, as planned on the agenda. */
function OpenPoll({ meeting, item }: Props) {
  const { t } = useTranslation();
  const open = useOpenPoll(meeting.id);
  const [secret, setSecret] = useState(item.secret ? 'secret' : 'named');
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        value={secret}
        onChange={setSecret}
        data={[
          { value: 'named', label: t('committees.vote.named') },
          { value: 'secret', label: t('committees.vote.secret') },
        ]}
        aria-label={t('committees.vote.kind')}
      />
      <Button
        loading={open.isPending}
        onClick={() => open.mutate({ itemId: item.id, secret: secret === 'secret' })}
        data-testid="open-poll"
      >
        {t('committees.vote.open')}
      </Button>
    </Group>
  );
}

/** The vote of one agenda item: open it, cast, watch the count, close it, read the result. */
export function PollPanel({ meeting, item }: Props) {
  const { t } = useTranslation();
  const poll = latestPoll(item.polls);
  const close = useClosePoll(poll?.id ?? '');
  const written = meeting.mode === 'written';
  const manage = meeting.me.canManage;
  const live = written
    ? meeting.status === 'noticed' || meeting.status === 'open'
    : meeting.status === 'open';

  if (!poll) {
    if (item.kind === 'report' || !manage || !live) return null;
    return (
      <Paper withBorder radius="md" p="sm" bg="gray.0">
        <OpenPoll meeting={meeting} item={item} />
      </Paper>
    );
  }
  if (poll.status === 'closed')
    return (
      <Paper withBorder radius="md" p="md">
        <PollResults poll={poll} />
      </Paper>
    );

  const recusedIds = item.recused.map((r) => r.memberId);
  const waiting = manage ? notVoted(meeting.attendance, poll, recusedIds, written) : [];
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={{ borderColor: 'var(--mantine-color-teal-4)' }}
      data-testid="poll-open"
    >
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <Badge color="teal.9">{t('committees.vote.openBadge')}</Badge>
          <Badge
            variant="light"
            color={poll.secret ? 'dark' : 'gray'}
            leftSection={poll.secret ? <IconLock size={12} aria-hidden /> : undefined}
          >
            {t(poll.secret ? 'committees.vote.secret' : 'committees.vote.named')}
          </Badge>
          {(poll.closesAt ?? meeting.deadline) && written && (
            <Countdown deadline={(poll.closesAt ?? meeting.deadline)!} />
          )}
        </Group>
        <LiveCount poll={poll} />
        {item.myConflict !== null ? (
          <Text size="sm" c="dimmed">
            {t('committees.vote.recusedSelf')}
          </Text>
        ) : poll.canVote || poll.myVote ? (
          <VoteForm key={poll.id} poll={poll} written={written} />
        ) : (
          meeting.me.memberId &&
          meeting.me.role !== 'secretary' && (
            <Text size="sm" c="dimmed">
              {t('committees.vote.notEligible')}
            </Text>
          )
        )}
        {manage && waiting.length > 0 && (
          <Text size="sm" data-testid="not-voted">
            <Text span fw={600}>
              {t('committees.vote.waitingFor', { count: waiting.length })}:
            </Text>{' '}
            {waiting.join(', ')}
          </Text>
        )}
        {manage && (
          <ConfirmButton
            variant="default"
            w="fit-content"
            title={t('committees.vote.closeTitle')}
            message={t('committees.vote.closeMessage', {
              voted: poll.tally?.voted ?? poll.participants.length,
              eligible: poll.tally?.eligible ?? '—',
            })}
            confirmLabel={t('committees.vote.close')}
            onConfirm={() => close.mutateAsync()}
            loading={close.isPending}
            data-testid="close-poll"
          >
            {t('committees.vote.close')}
          </ConfirmButton>
        )}
      </Stack>
    </Paper>
  );
}
