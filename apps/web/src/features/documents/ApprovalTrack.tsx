import type { ApprovalStep, ApprovalView } from '@civicdesk/contracts/approvals';
import type { Country } from '@civicdesk/contracts/common';
import {
  Badge,
  Blockquote,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import IconArrowBackUp from '@tabler/icons-react/dist/esm/icons/IconArrowBackUp.mjs';
import IconBell from '@tabler/icons-react/dist/esm/icons/IconBell.mjs';
import IconCircleCheck from '@tabler/icons-react/dist/esm/icons/IconCircleCheck.mjs';
import IconCircleDashed from '@tabler/icons-react/dist/esm/icons/IconCircleDashed.mjs';
import IconCircleX from '@tabler/icons-react/dist/esm/icons/IconCircleX.mjs';
import IconHourglass from '@tabler/icons-react/dist/esm/icons/IconHourglass.mjs';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import IconPlayerPause from '@tabler/icons-react/dist/esm/icons/IconPlayerPause.mjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { groupBySeq, printedMark } from './document-meta.ts';
import { usePostReview } from './documents.api.ts';

type State = ApprovalStep['state'];
const look: Record<State, { color: string; icon: typeof IconCircleCheck }> = {
  waiting: { color: 'gray', icon: IconCircleDashed },
  pending: { color: 'civic', icon: IconHourglass },
  approved: { color: 'teal', icon: IconCircleCheck },
  agreed: { color: 'teal', icon: IconCircleCheck },
  disagreed: { color: 'red', icon: IconCircleX },
  returned: { color: 'red', icon: IconArrowBackUp },
  held: { color: 'orange', icon: IconPlayerPause },
  notified: { color: 'gray', icon: IconBell },
  cancelled: { color: 'gray', icon: IconCircleX },
};

type Props = {
  documentId: string;
  approval: ApprovalView;
  drafterName: string;
  country: Country;
};

type CardProps = { step: ApprovalStep; country: Country; documentId: string; compact: boolean };

/** One step; `compact` (parallel steps side by side) puts the state icon beside the kind, not in a column. */
function StepCard({ step, country, documentId, compact }: CardProps) {
  const { t } = useTranslation();
  const postReview = usePostReview(documentId);
  const { color, icon: Icon } = look[step.state];
  const mark = printedMark(step.mark);
  const byOther = step.actedByName && step.actedByName !== step.assigneeName;
  return (
    <Paper
      withBorder
      radius="md"
      p={compact ? 'xs' : 'sm'}
      className="track-step"
      data-state={step.state}
      data-testid="track-step"
      aria-current={step.state === 'pending' ? 'step' : undefined}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {!compact && (
          <ThemeIcon color={color} variant="light" size={30} radius="xl" aria-hidden>
            <Icon size={18} />
          </ThemeIcon>
        )}
        <Stack gap={2} miw={0} flex={1}>
          <Group gap={6} wrap="wrap">
            {compact && (
              <ThemeIcon color={color} variant="light" size={20} radius="xl" aria-hidden>
                <Icon size={13} />
              </ThemeIcon>
            )}
            <Text size="xs" fw={700} c="civic.8">
              {t(`line.kinds.${step.kind}`)}
            </Text>
            <Badge size="xs" color={color} variant="light">
              {t(`approval.states.${step.state}`)}
            </Badge>
            {mark && (
              <Tooltip label={t(`delegations.marks.${step.mark}`, { defaultValue: mark })} withArrow>
                <Badge size="xs" color="grape" variant="light" tabIndex={0}>
                  {mark}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="sm" fw={600}>
            {step.assigneeName}
          </Text>
          {step.positionName && (
            <Text size="xs" c="dimmed">
              {step.positionName}
            </Text>
          )}
          {byOther && (
            <Text size="xs" c="grape.9">
              {t('approval.actedBy', { name: step.actedByName })}
            </Text>
          )}
          {step.opinion && (
            <Blockquote p={6} pl="sm" mt={4} color="gray" fz="sm" style={{ borderRadius: 6 }}>
              {step.opinion}
            </Blockquote>
          )}
          {step.actedAt && (
            <Text size="xs" c="dimmed" component="time" dateTime={step.actedAt}>
              {formatDateTime(step.actedAt, country)}
            </Text>
          )}
          {byOther && step.postReviewAt && (
            <Text size="xs" c="teal.9">
              {t('approval.postReviewedAt', { date: formatDateTime(step.postReviewAt, country) })}
            </Text>
          )}
          {step.canPostReview && (
            <Button
              size="xs"
              variant="light"
              mt={4}
              w="fit-content"
              loading={postReview.isPending}
              onClick={() => postReview.mutate(step.id)}
              data-testid="post-review"
            >
              {t('approval.postReview')}
            </Button>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** The approval line as a vertical track: drafter first, then each group of steps (parallel ones side by side). */
export function ApprovalTrack({ documentId, approval, drafterName, country }: Props) {
  const { t } = useTranslation();
  const groups = groupBySeq(approval.steps);
  return (
    <div data-testid="approval-track">
      {approval.round > 1 && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('approval.round', { n: approval.round })}
        </Text>
      )}
      <Stack gap={0} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        <Box component="li">
          <Paper withBorder radius="md" p="sm" bg="gray.0">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon color="gray" variant="light" size={30} radius="xl" aria-hidden>
                <IconPencil size={18} />
              </ThemeIcon>
              <div>
                <Text size="xs" fw={700} c="civic.8">
                  {t('approval.drafter')}
                </Text>
                <Text size="sm" fw={600}>
                  {drafterName}
                </Text>
              </div>
            </Group>
          </Paper>
        </Box>
        {groups.map((g) => (
          <Box component="li" key={g[0]!.seq}>
            <Box mx="auto" w={2} h={14} bg="gray.3" aria-hidden />
            {g.length > 1 && (
              <Text size="xs" c="dimmed" mb={4}>
                {t('approval.parallel')}
              </Text>
            )}
            <SimpleGrid cols={g.length > 1 ? 2 : 1} spacing="xs">
              {g.map((s) => (
                <StepCard
                  key={s.id}
                  step={s}
                  country={country}
                  documentId={documentId}
                  compact={g.length > 1}
                />
              ))}
            </SimpleGrid>
          </Box>
        ))}
      </Stack>
      {groups.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('approval.notSubmitted')}
        </Text>
      )}
    </div>
  );
}
