import { Button, Checkbox, Paper, ScrollArea, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import IconShieldCheck from '@tabler/icons-react/dist/esm/icons/IconShieldCheck.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { toast } from '../../ui/toast.ts';
import { usePledge, useSignPledge } from './committees.api.ts';

/**
 * External members sign the security pledge (보안서약) before they see any meeting or material; the server refuses
 * meeting reads until then. Shown instead of the committee screens, with the text in full.
 */
export function PledgeScreen() {
  const { t } = useTranslation();
  const pledge = usePledge();
  const sign = useSignPledge();
  const [read, setRead] = useState(false);

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      maw={760}
      mx="auto"
      data-testid="pledge-screen"
    >
      <Stack gap="md">
        <Stack gap="xs" align="flex-start">
          <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
            <IconShieldCheck size={26} />
          </ThemeIcon>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {t('committees.pledge.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('committees.pledge.intro')}
          </Text>
        </Stack>
        {pledge.isPending ? (
          <Loading />
        ) : pledge.error ? (
          <ErrorAlert error={pledge.error} />
        ) : (
          <>
            <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }}
                p="md"
                bg="gray.0"
                data-testid="pledge-text"
              >
                {pledge.data.text}
              </Text>
            </ScrollArea.Autosize>
            <Text size="xs" c="dimmed">
              {t('committees.pledge.version', { version: pledge.data.version })}
            </Text>
            <Checkbox
              checked={read}
              onChange={(e) => setRead(e.currentTarget.checked)}
              label={t('committees.pledge.read')}
            />
            <ErrorAlert error={sign.error} />
            <Button
              size="lg"
              fullWidth
              disabled={!read}
              loading={sign.isPending}
              onClick={() =>
                sign.mutate(undefined, { onSuccess: () => toast(t('committees.pledge.done'), 'success') })
              }
              data-testid="pledge-sign"
            >
              {t('committees.pledge.sign')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
