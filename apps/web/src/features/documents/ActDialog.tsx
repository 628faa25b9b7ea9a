import type { ApprovalView } from '@civicdesk/contracts/approvals';
import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { StepUpDialog } from '../signatures/StepUpDialog.tsx';
import { needsStepUp } from '../signatures/signatures.api.ts';
import { groupBySeq } from './document-meta.ts';
import { type ActInput, useAct } from './documents.api.ts';
import { usePhone } from './useScreen.ts';

export type StepAction = ActInput['action'];

const needsReason: StepAction[] = ['return', 'hold', 'disagree'];

type Props = {
  documentId: string;
  action: StepAction;
  approval: ApprovalView;
  meId: string;
  onClose: () => void;
};

/** The step the caller acts on now: their own pending step, else one they act on under a delegation. */
export function currentStep(approval: ApprovalView, meId: string) {
  const open = approval.steps.filter((s) => s.state === 'pending' || s.state === 'held');
  return open.find((s) => s.assigneeId === meId) ?? open[0];
}

/** Whether approving now is the final approval, which numbers the document and signs its PDF. */
export function signsOnApprove(approval: ApprovalView, meId: string): boolean {
  const step = currentStep(approval, meId);
  if (step?.kind !== 'approval') return false;
  return !approval.steps.some((s) => s.seq > step.seq && s.kind === 'approval');
}

/** Approve, agree, disagree, return (to the drafter or an earlier step), hold or resume, with an opinion. */
export function ActDialog({ documentId, action, approval, meId, onClose }: Props) {
  const { t } = useTranslation();
  const phone = usePhone();
  const act = useAct(documentId);
  const [opinion, setOpinion] = useState('');
  const [target, setTarget] = useState('drafter');
  const [missing, setMissing] = useState(false);
  const [retried, setRetried] = useState(false);
  const step = currentStep(approval, meId);
  const forSomeoneElse = step && step.assigneeId !== meId;
  const earlier = step
    ? groupBySeq(approval.steps).filter((g) => g[0]!.seq < step.seq && g[0]!.kind !== 'notify')
    : [];
  const required = needsReason.includes(action);

  const send = () =>
    act.mutate(
      {
        action,
        ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
        ...(action === 'return' && target !== 'drafter' ? { returnTo: Number(target) } : {}),
      },
      {
        onSuccess: (r) => {
          toast(t(`approval.outcomes.${r.outcome}`, { defaultValue: t('approval.done') }), 'success');
          onClose();
        },
      },
    );
  function confirm() {
    if (required && !opinion.trim()) return setMissing(true);
    send();
  }

  // The server asked for a fresh identity check before this step: confirm it, then send the same decision again.
  if (needsStepUp(act.error) && !retried)
    return (
      <StepUpDialog
        title={t(`approval.actions.${action}`)}
        submitLabel={t(`approval.actions.${action}`)}
        onVerified={() => {
          setRetried(true);
          send();
        }}
        pending={act.isPending}
        error={undefined}
        onClose={onClose}
      />
    );

  return (
    <Dialog opened onClose={onClose} title={t(`approval.actions.${action}`)} size="lg" fullScreen={phone}>
      <Stack gap="md" data-testid="act-dialog">
        {forSomeoneElse && (
          <Alert color="blue" variant="light">
            {t('approval.onBehalf', { name: step.assigneeName })}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t(`approval.confirm.${action}`)}
        </Text>
        {action === 'return' && earlier.length > 0 && (
          <Radio.Group label={t('approval.returnTo')} value={target} onChange={setTarget}>
            <Stack gap={6} mt={6}>
              <Radio value="drafter" label={t('approval.returnToDrafter')} />
              {earlier.map((g) => (
                <Radio
                  key={g[0]!.seq}
                  value={String(g[0]!.seq)}
                  label={t('approval.returnToStep', {
                    n: g[0]!.seq,
                    kind: t(`line.kinds.${g[0]!.kind}`),
                    names: g.map((s) => s.assigneeName).join(', '),
                  })}
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Textarea
          label={t(required ? 'approval.reason' : 'approval.opinion')}
          description={required ? undefined : t('approval.opinionOptional')}
          required={required}
          autosize
          minRows={3}
          maxLength={2000}
          value={opinion}
          onChange={(e) => {
            setOpinion(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('approval.reasonRequired') : undefined}
          data-autofocus
          data-testid="act-opinion"
        />
        <ErrorAlert error={act.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action === 'return' || action === 'disagree' ? 'red.9' : undefined}
            onClick={confirm}
            loading={act.isPending}
            data-testid="act-confirm"
          >
            {t(`approval.actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
