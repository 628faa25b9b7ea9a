import type { VerifyReport } from '@civicdesk/contracts/signatures';
import { Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import IconFileOff from '@tabler/icons-react/dist/esm/icons/IconFileOff.mjs';
import IconShieldCheck from '@tabler/icons-react/dist/esm/icons/IconShieldCheck.mjs';
import IconShieldQuestion from '@tabler/icons-react/dist/esm/icons/IconShieldQuestion.mjs';
import IconShieldX from '@tabler/icons-react/dist/esm/icons/IconShieldX.mjs';
import { useTranslation } from 'react-i18next';
import { type Verdict as VerdictKind, verdictColor, verdictOf } from './signature-status.ts';

const icons: Record<VerdictKind, typeof IconShieldCheck> = {
  authentic: IconShieldCheck,
  altered: IconShieldX,
  untrusted: IconShieldQuestion,
  unsigned: IconFileOff,
  not_pdf: IconFileOff,
};

type Props = { report: VerifyReport; headingOrder?: 2 | 3; compact?: boolean };

/** The answer first, in large type: can this file be trusted? `compact` fits a side column. */
export function Verdict({ report, headingOrder = 2, compact = false }: Props) {
  const { t } = useTranslation();
  const verdict = verdictOf(report);
  const color = verdictColor[verdict];
  const Icon = icons[verdict];
  return (
    <Paper
      radius="md"
      p={compact ? 'sm' : { base: 'md', sm: 'lg' }}
      bg={`${color}.0`}
      style={{ border: `${compact ? 1 : 2}px solid var(--mantine-color-${color}-6)` }}
      role={verdict === 'altered' ? 'alert' : 'status'}
      data-testid="verify-verdict"
      data-verdict={verdict}
    >
      <Group gap={compact ? 'sm' : 'md'} wrap="nowrap" align="flex-start">
        <ThemeIcon color={color} size={compact ? 32 : 52} radius="xl" aria-hidden>
          <Icon size={compact ? 20 : 32} />
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={headingOrder} fz={compact ? 'md' : { base: 20, sm: 24 }} lh={1.3} c={`${color}.9`}>
            {t(`signatures.verdict.${verdict}.title`)}
          </Title>
          {!compact && <Text size="sm">{t(`signatures.verdict.${verdict}.text`)}</Text>}
        </Stack>
      </Group>
    </Paper>
  );
}
