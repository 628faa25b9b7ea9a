import { Anchor, Button, Grid, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../lib/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { toast } from '../../ui/toast.ts';
import { useMe } from '../auth/auth.api.ts';
import { usePeople } from '../people/people.api.ts';
import { StepUpDialog } from '../signatures/StepUpDialog.tsx';
import { SubmissionDetails } from './SubmissionDetails.tsx';
import { downloadResult, useStaffSubmission, useSubmissionAction } from './services.api.ts';

/** One application on the agency's side: assign, ask for more, approve (signed) or refuse. */
export function StaffSubmissionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useStaffSubmission(id);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const s = query.data;
  const open = s.state === 'submitted' || s.state === 'info_requested';
  return (
    <>
      <Anchor component={Link} to="/services" size="sm">
        ← {t('services.queue.title')}
      </Anchor>
      <PageHeader title={s.procedureName} description={`${s.agencyName} · ${s.unitName}`} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SubmissionDetails
            submission={s}
            fileUrl={(sha) => `/api/services/submissions/${s.id}/files/${sha}`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {open && <AssignPanel id={s.id} agencyId={s.agencyId} current={s.assigneeId} />}
            {s.state === 'submitted' && <DecidePanel id={s.id} />}
            {s.state === 'info_requested' && (
              <Paper withBorder p="md" radius="md">
                <Text size="sm" data-testid="waiting-applicant">
                  {t('services.waitingForApplicant')}
                </Text>
              </Paper>
            )}
            {s.state === 'approved' && (
              <Button
                onClick={() =>
                  downloadResult({ id: s.id }, true).catch((e) => toast(errorMessage(e), 'error'))
                }
              >
                {t('portal.case.download')}
              </Button>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function AssignPanel({ id, agencyId, current }: { id: string; agencyId: string; current: string | null }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const isHead =
    me?.isPlatformAdmin ||
    me?.posts.some((p) => p.agencyId === agencyId && (p.role === 'head' || p.role === 'agency_admin'));
  const people = usePeople(isHead ? agencyId : null).data ?? [];
  const action = useSubmissionAction(id);
  const [assignee, setAssignee] = useState<string | null>(current);
  if (!isHead) return null;
  const options = people
    .filter((p) => p.kind === 'staff' && p.active && p.posts.some((x) => x.agencyId === agencyId))
    .map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Select
          label={t('services.assignee')}
          data={options}
          value={assignee}
          onChange={setAssignee}
          searchable
          data-testid="assignee"
        />
        <ErrorAlert error={action.error} />
        <Button
          variant="light"
          disabled={!assignee || assignee === current}
          loading={action.isPending}
          onClick={() =>
            assignee &&
            action.mutate(
              { action: 'assign', body: { assigneeId: assignee } },
              { onSuccess: () => toast(t('services.assigned'), 'success') },
            )
          }
          data-testid="assign"
        >
          {t('services.assign')}
        </Button>
      </Stack>
    </Paper>
  );
}

function DecidePanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const action = useSubmissionAction(id);
  const [text, setText] = useState('');
  const [signing, setSigning] = useState(false);
  const send = (kind: 'request-info' | 'refuse') =>
    action.mutate(
      { action: kind, body: kind === 'refuse' ? { reason: text.trim() } : { message: text.trim() } },
      { onSuccess: () => setText('') },
    );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Textarea
          label={t('services.decide.text')}
          description={t('services.decide.hint')}
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="decision-text"
        />
        {!signing && <ErrorAlert error={action.error} />}
        <Stack gap="xs">
          <Button
            variant="light"
            color="orange"
            disabled={!text.trim()}
            onClick={() => send('request-info')}
            loading={action.isPending}
            data-testid="request-info"
          >
            {t('services.decide.requestInfo')}
          </Button>
          <Button
            variant="light"
            color="red"
            disabled={!text.trim()}
            onClick={() => send('refuse')}
            loading={action.isPending}
            data-testid="refuse"
          >
            {t('services.decide.refuse')}
          </Button>
        </Stack>
        <Button color="teal" disabled={!text.trim()} onClick={() => setSigning(true)} data-testid="approve">
          {t('services.decide.approve')}
        </Button>
      </Stack>
      {signing && (
        <StepUpDialog
          title={t('services.decide.approveTitle')}
          description={t('services.decide.approveHint')}
          submitLabel={t('services.decide.approveSign')}
          pending={action.isPending}
          error={action.error}
          onClose={() => setSigning(false)}
          onVerified={() =>
            action.mutate(
              { action: 'approve', body: { reason: text.trim() } },
              {
                onSuccess: () => {
                  setSigning(false);
                  toast(t('services.decide.approved'), 'success');
                },
              },
            )
          }
        >
          <Text size="sm">{text}</Text>
        </StepUpDialog>
      )}
    </Paper>
  );
}
