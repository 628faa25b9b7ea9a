import type { Country } from '@civicdesk/contracts/common';
import type { SignatureReport } from '@civicdesk/contracts/signatures';
import { Badge, Collapse, Group, List, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import IconChevronDown from '@tabler/icons-react/dist/esm/icons/IconChevronDown.mjs';
import IconRosette from '@tabler/icons-react/dist/esm/icons/IconRosette.mjs';
import IconSignature from '@tabler/icons-react/dist/esm/icons/IconSignature.mjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { problemKey, signatureRole, signatureState, signedAt, stateColor } from './signature-status.ts';

type Props = { sig: SignatureReport; country: Country };

/** One signature of a PDF: who signed, in which role, when, and whether it still holds. */
export function SignatureCard({ sig, country }: Props) {
  const { t } = useTranslation();
  const state = signatureState(sig);
  const role = signatureRole(sig);
  const when = signedAt(sig);
  const who = [sig.signer.title, sig.signer.organisation].filter(Boolean).join(' · ');
  return (
    <Paper withBorder radius="md" p="sm" data-testid="signature-row" data-state={state}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color={stateColor[state]} variant="light" size={36} radius="xl" aria-hidden>
          {role === 'seal' ? <IconRosette size={20} /> : <IconSignature size={20} />}
        </ThemeIcon>
        <Stack gap={4} miw={0} flex={1}>
          <Group gap={6} wrap="wrap">
            <Text fw={600} size="sm">
              {sig.signer.commonName ?? t('signatures.unknownSigner')}
            </Text>
            <Badge size="sm" variant="outline" color="gray">
              {t(`signatures.roles.${role}`)}
            </Badge>
            <Badge size="sm" color={stateColor[state]} variant="light" data-testid="signature-state">
              {t(`signatures.states.${state}`)}
            </Badge>
            {sig.revoked && (
              <Badge size="sm" color="red" variant="filled">
                {t('signatures.revokedBadge')}
              </Badge>
            )}
          </Group>
          {who && (
            <Text size="sm" c="dimmed">
              {who}
            </Text>
          )}
          {when && (
            <Text size="xs" c="dimmed">
              {t(sig.timestamp ? 'signatures.timestamped' : 'signatures.signedAt', {
                time: formatDateTime(when, country),
              })}
            </Text>
          )}
          {sig.problems.length > 0 && (
            <List size="sm" c={state === 'altered' ? 'red.9' : 'yellow.9'} spacing={2}>
              {[...new Set(sig.problems)].map((p) => (
                <List.Item key={p}>{t(problemKey(p))}</List.Item>
              ))}
            </List>
          )}
          <Chain sig={sig} country={country} />
        </Stack>
      </Group>
    </Paper>
  );
}

/** The certificate chain, folded away: most people need the verdict, auditors the details. */
function Chain({ sig, country }: Props) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  if (sig.chain.length === 0) return null;
  return (
    <div>
      <UnstyledButton onClick={toggle} aria-expanded={opened} aria-controls={id} fz="sm" c="civic.8">
        <Group gap={4}>
          <IconChevronDown
            size={16}
            aria-hidden
            style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
          />
          {t('signatures.chain', { count: sig.chain.length })}
        </Group>
      </UnstyledButton>
      <Collapse in={opened} id={id}>
        <Stack gap="xs" mt="xs">
          {sig.chain.map((c) => (
            <Paper key={`${c.issuer}/${c.serialHex}`} bg="gray.0" p="xs" radius="sm">
              <Text size="xs" fw={600} style={{ wordBreak: 'break-word' }}>
                {c.subject}
              </Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {t('signatures.issuer')}: {c.issuer}
              </Text>
              <Text size="xs" c="dimmed">
                {t('signatures.validity', {
                  from: formatDate(c.notBefore, country),
                  to: formatDate(c.notAfter, country),
                })}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {t('signatures.serial')}: {c.serialHex}
              </Text>
            </Paper>
          ))}
        </Stack>
      </Collapse>
    </div>
  );
}
