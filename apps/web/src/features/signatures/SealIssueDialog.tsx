import { useTranslation } from 'react-i18next';
import { toast } from '../../ui/toast.ts';
import { useDocumentCommand } from '../documents/documents.api.ts';
import { StepUpDialog } from './StepUpDialog.tsx';

/** 관인 날인 후 발송 / Đóng dấu số và phát hành: the records clerk applies the agency seal, then dispatches. */
export function SealIssueDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const issue = useDocumentCommand(documentId, 'issue');
  const run = () =>
    issue.mutate(undefined, {
      onSuccess: (r) => {
        toast(t('issue.done', { number: r.numberText ?? '' }), 'success');
        onClose();
      },
    });
  return (
    <StepUpDialog
      title={t('signatures.sealIssue.title')}
      description={t('signatures.sealIssue.hint')}
      submitLabel={t('signatures.sealIssue.action')}
      onVerified={run}
      pending={issue.isPending}
      error={issue.error}
      onClose={onClose}
    />
  );
}
