import { Button, Center, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useCommitteeVideo } from './meetings.api.ts';

/**
 * `/meetings/<committee meeting>/video`, the link an online committee meeting gives its members: opens (or finds)
 * the meeting's video room and goes in.
 */
export function CommitteeVideoRedirect() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const open = useCommitteeVideo();
  const { mutate } = open;

  useEffect(() => {
    if (!id) return;
    mutate(id, { onSuccess: (m) => void navigate(`/meetings/${m.id}/room`, { replace: true }) });
  }, [id, mutate, navigate]);

  if (!open.error) return <Loading minHeight={320} />;
  return (
    <Center mih="40vh">
      <Stack maw={480} w="100%" data-testid="committee-video-error">
        <ErrorAlert error={open.error} title={t('meetings.committeeVideo.failed')} />
        <Button component={Link} to={`/committees/meetings/${id}`} variant="default">
          {t('meetings.committeeVideo.back')}
        </Button>
      </Stack>
    </Center>
  );
}
