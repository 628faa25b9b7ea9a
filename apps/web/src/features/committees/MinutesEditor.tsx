import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { RichBodyEditor } from '../documents/RichBodyEditor.tsx';
import { type Minutes, useSaveMinutes } from './meetings.api.ts';

type Props = { meetingId: string; minutes: Minutes; onDone: () => void };

/** The secretary's discussion summary. Saving signed minutes voids their signatures: the chair signs again. */
export function MinutesEditor({ meetingId, minutes, onDone }: Props) {
  const { t } = useTranslation();
  const save = useSaveMinutes(meetingId);
  const [html, setHtml] = useState(minutes.summaryHtml);
  const voids = minutes.signatures.length > 0;
  const submit = () =>
    save.mutateAsync(html, {
      onSuccess: () => {
        toast(t(voids ? 'committees.minutes.savedVoided' : 'common.saved'), voids ? 'warning' : 'success');
        onDone();
      },
    });

  return (
    <Stack gap="sm">
      {voids && (
        <Alert color="orange" variant="light" title={t('committees.minutes.voidTitle')}>
          {t('committees.minutes.voidWarning', { count: minutes.signatures.length })}
        </Alert>
      )}
      <RichBodyEditor value={html} onChange={setHtml} label={t('committees.minutes.summary')} />
      <ErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        {voids ? (
          <ConfirmButton
            color="orange"
            title={t('committees.minutes.voidTitle')}
            message={t('committees.minutes.voidConfirm')}
            confirmLabel={t('committees.minutes.saveAnyway')}
            onConfirm={submit}
            loading={save.isPending}
            danger
          >
            {t('common.save')}
          </ConfirmButton>
        ) : (
          <Button
            onClick={() => void submit().catch(() => undefined)}
            loading={save.isPending}
            data-testid="minutes-save"
          >
            {t('common.save')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
