import type { Submission, SubmissionValues } from '@civicdesk/contracts/services';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, errorMessage } from '../../lib/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { cleanValues, DynamicForm, validateForm } from '../services/DynamicForm.tsx';
import { SubmissionDetails } from '../services/SubmissionDetails.tsx';
import { answerRequest, downloadResult } from '../services/services.api.ts';

type Ref = { id?: string; code?: string };
type Props = { submission: Submission; reference: Ref; onChange: (s: Submission) => void };

/** A case as its applicant sees it: details, the open request to answer, a draft to finish, the result. */
export function CaseView({ submission: s, reference, onChange }: Props) {
  const { t } = useTranslation();
  const request = [...s.events].reverse().find((e) => e.kind === 'info_requested');
  return (
    <Stack gap="lg">
      {s.state === 'info_requested' && request && (
        <AnswerForm
          submission={s}
          reference={reference}
          request={request.message ?? ''}
          onChange={onChange}
        />
      )}
      {s.state === 'draft' && reference.id && (
        <DraftForm submission={s} id={reference.id} onChange={onChange} />
      )}
      {s.state === 'approved' && (
        <Alert color="teal" title={t('portal.case.approved')}>
          <Stack gap="xs">
            <Text size="sm">{s.decisionReason}</Text>
            <Group>
              <Button
                onClick={() => downloadResult(reference).catch((e) => toast(errorMessage(e), 'error'))}
                data-testid="download-result"
              >
                {t('portal.case.download')}
              </Button>
              <Anchor component={Link} to="/verify" size="sm">
                {t('portal.case.verify')}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      )}
      {s.state === 'refused' && (
        <Alert color="red" title={t('portal.case.refused')}>
          {s.decisionReason}
        </Alert>
      )}
      <SubmissionDetails submission={s} />
    </Stack>
  );
}

function AnswerForm({ submission: s, reference, request, onChange }: Props & { request: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [values, setValues] = useState<Record<string, unknown>>({});
  const fileFields = s.form.fields.filter((f) => f.type === 'file').map((f) => f.key);
  const answer = useMutation({
    meta: { inline: true },
    mutationFn: () => answerRequest(reference, { message: message.trim(), values: cleanValues(values) }),
    onSuccess: (data) => {
      toast(t('portal.case.answered'), 'success');
      onChange(data);
    },
  });
  return (
    <Paper withBorder radius="md" p="md" bg="orange.0">
      <Stack gap="sm">
        <Text fw={600}>{t('portal.case.requestTitle')}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {request}
        </Text>
        <Text size="xs" c="dimmed">
          {t('portal.case.paused')}
        </Text>
        <Textarea
          label={t('portal.case.answer')}
          required
          autosize
          minRows={3}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          data-testid="answer-message"
        />
        {fileFields.length > 0 && (
          <DynamicForm form={s.form} values={values} onChange={setValues} errors={{}} only={fileFields} />
        )}
        <ErrorAlert error={answer.error} />
        <Group justify="flex-end">
          <Button
            onClick={() => answer.mutate()}
            disabled={!message.trim()}
            loading={answer.isPending}
            data-testid="send-answer"
          >
            {t('portal.case.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DraftForm({
  submission: s,
  id,
  onChange,
}: {
  submission: Submission;
  id: string;
  onChange: (s: Submission) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, unknown>>(s.values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    meta: { inline: true },
    mutationFn: (submit: boolean) =>
      api<Submission>(`/portal/submissions/${id}`, {
        method: 'PATCH',
        body: { values: cleanValues(values) as SubmissionValues, consentPurpose: s.consentPurpose, submit },
      }),
    onSuccess: onChange,
  });
  function send(submit: boolean) {
    const found = validateForm(s.form, cleanValues(values), submit, t('services.form.required'));
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(submit);
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Text fw={600}>{t('portal.case.draft')}</Text>
        <DynamicForm form={s.form} values={values} onChange={setValues} errors={errors} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => send(false)} loading={save.isPending}>
            {t('portal.apply.saveDraft')}
          </Button>
          <Button onClick={() => send(true)} loading={save.isPending}>
            {t('portal.apply.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
