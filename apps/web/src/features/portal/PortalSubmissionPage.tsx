import type { Submission } from '@civicdesk/contracts/services';
import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { trackSubmission, useMySubmission } from '../services/services.api.ts';
import { CaseView } from './CaseView.tsx';
import { PortalFrame } from './PortalFrame.tsx';

/** A signed-in citizen's own application. */
export function PortalSubmissionPage() {
  const { id } = useParams();
  const query = useMySubmission(id);
  const qc = useQueryClient();
  if (query.isPending)
    return (
      <PortalFrame title="…">
        <Loading />
      </PortalFrame>
    );
  if (query.error)
    return (
      <PortalFrame title="…">
        <ErrorAlert error={query.error} />
      </PortalFrame>
    );
  return (
    <PortalFrame title={query.data.procedureName} subtitle={query.data.agencyName}>
      <CaseView
        submission={query.data}
        reference={{ id }}
        onChange={(s) => qc.setQueryData(['portal', 'submission', id], s)}
      />
    </PortalFrame>
  );
}

/** A guest follows an application by its tracking code (kept in memory only, never in the address). */
export function TrackPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Submission | null>(null);
  const track = useMutation({
    meta: { inline: true },
    mutationFn: () => trackSubmission(code.trim()),
    // A new attempt never leaves the previous case on screen under a code that did not find it.
    onMutate: () => setFound(null),
    onSuccess: setFound,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    track.mutate();
  }
  return (
    <PortalFrame
      title={found ? found.procedureName : t('portal.track.title')}
      subtitle={found ? found.agencyName : t('portal.track.subtitle')}
    >
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('portal.apply.trackingCode')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                required
                style={{ flex: 1, minWidth: 220 }}
                styles={{ input: { fontFamily: 'monospace' } }}
                data-testid="track-code"
              />
              <Button type="submit" loading={track.isPending} data-testid="track-submit">
                {t('portal.track.submit')}
              </Button>
            </Group>
            <ErrorAlert error={track.error} />
          </Stack>
        </form>
      </Paper>
      {found && <CaseView submission={found} reference={{ code: code.trim() }} onChange={setFound} />}
    </PortalFrame>
  );
}
