import type { Synthesis } from '@civicdesk/contracts/reports';
import { Anchor, Badge, Blockquote, Group, List, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Props = { text: Synthesis['texts'][number]; periodId: string };

/** A summary whose [n] marks link to the cited sentences below, each naming its agency and report. */
export function CitedSummary({ text, periodId }: Props) {
  const { t } = useTranslation();
  const parts = text.summary.split(/(\[\d+\])/g);
  return (
    <div data-testid={`summary-${text.key}`}>
      <Group gap="xs" mb={6}>
        <Title order={3} fz="md">
          {text.label}
        </Title>
        <Badge variant="light" color={text.engine === 'llm' ? 'grape' : 'blue'} data-testid="summary-engine">
          {t(`reports.engineBadge.${text.engine}`)}
        </Badge>
      </Group>
      {text.citations.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reports.nothingToSummarise')}
        </Text>
      ) : (
        <>
          <Blockquote
            color={text.engine === 'llm' ? 'grape' : 'blue'}
            p="md"
            mt={0}
            mb="sm"
            data-testid="summary-text"
          >
            {parts.map((p, i) => {
              const m = /^\[(\d+)\]$/.exec(p);
              return m ? (
                <Anchor
                  // biome-ignore lint/suspicious/noArrayIndexKey: text pieces are positional
                  key={i}
                  href={`#cite-${text.key}-${m[1]}`}
                  size="xs"
                  fw={700}
                  style={{ verticalAlign: 'super' }}
                >
                  [{m[1]}]
                </Anchor>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: text pieces are positional
                <Fragment key={i}>{p}</Fragment>
              );
            })}
          </Blockquote>
          <List size="sm" spacing={4} listStyleType="none" data-testid="citations">
            {text.citations.map((c) => (
              <List.Item key={c.id} id={`cite-${text.key}-${c.id}`}>
                <Text span fw={700} mr={6}>
                  [{c.id}]
                </Text>
                <Anchor component={Link} to={`/reports/periods/${periodId}?agency=${c.agencyId}`} size="sm">
                  {c.agencyName}
                </Anchor>
                <Text span c="dimmed" size="xs" ml={6}>
                  {t('reports.sentenceN', { n: c.sentenceIndex + 1 })}
                </Text>
                <Text size="sm" c="dimmed" fs="italic">
                  “{c.text}”
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
