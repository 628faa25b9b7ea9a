import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useReturnReport } from './reports.api.ts';

/** The parent returns a submitted report with a reason; the agency may then correct and resubmit it. */
export function ReturnButton({ reportId, agencyName }: { reportId: string; agencyName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const ret = useReturnReport();
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setOpen(true)}>
        {t('reports.return')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('reports.returnTitle', { agency: agencyName })}
      >
        <Stack>
          <Textarea
            label={t('reports.returnReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          {ret.error && <ErrorAlert error={ret.error} />}
          <Group justify="flex-end">
            <Button
              color="orange"
              disabled={!reason.trim()}
              loading={ret.isPending}
              onClick={async () => {
                await ret.mutateAsync({ id: reportId, reason });
                setOpen(false);
              }}
            >
              {t('reports.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
