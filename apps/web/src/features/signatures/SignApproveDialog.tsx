import type { ApprovalView } from '@civicdesk/contracts/approvals';
import { Alert, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from '../../ui/toast.ts';
import { currentStep } from '../documents/ActDialog.tsx';
import { useAct } from '../documents/documents.api.ts';
import { StepUpDialog } from './StepUpDialog.tsx';

type Props = { documentId: string; approval: ApprovalView; meId: string; onClose: () => void };

/** 서명 후 결재 / Ký duyệt: the final approval numbers the document and signs its official PDF. */
export function SignApproveDialog({ documentId, approval, meId, onClose }: Props) {
  const { t } = useTranslation();
  const act = useAct(documentId);
  const [opinion, setOpinion] = useState('');
  const step = currentStep(approval, meId);
  const approve = () =>
    act.mutate(
      { action: 'approve', ...(opinion.trim() ? { opinion: opinion.trim() } : {}) },
      {
        onSuccess: () => {
          toast(t('signatures.signApprove.done'), 'success');
          onClose();
        },
      },
    );
  return (
    <StepUpDialog
      title={t('signatures.signApprove.title')}
      description={t('signatures.signApprove.hint')}
      submitLabel={t('signatures.signApprove.action')}
      onVerified={approve}
      pending={act.isPending}
      error={act.error}
      onClose={onClose}
    >
      {step && step.assigneeId !== meId && (
        <Alert color="blue" variant="light">
          {t('approval.onBehalf', { name: step.assigneeName })}
        </Alert>
      )}
      <Textarea
        label={t('approval.opinion')}
        description={t('approval.opinionOptional')}
        autosize
        minRows={2}
        maxLength={2000}
        value={opinion}
        onChange={(e) => setOpinion(e.currentTarget.value)}
        data-testid="act-opinion"
      />
    </StepUpDialog>
  );
}
