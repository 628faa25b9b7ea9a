import type { ApprovalView } from '@civicdesk/contracts/approvals';
import type { Country } from '@civicdesk/contracts/common';
import type { DocumentDetail } from '@civicdesk/contracts/documents';
import { Button, Group, Stack, Text } from '@mantine/core';
import IconArrowBackUp from '@tabler/icons-react/dist/esm/icons/IconArrowBackUp.mjs';
import IconCheck from '@tabler/icons-react/dist/esm/icons/IconCheck.mjs';
import IconCornerUpLeft from '@tabler/icons-react/dist/esm/icons/IconCornerUpLeft.mjs';
import IconFileTypePdf from '@tabler/icons-react/dist/esm/icons/IconFileTypePdf.mjs';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import IconPlayerPause from '@tabler/icons-react/dist/esm/icons/IconPlayerPause.mjs';
import IconPlayerPlay from '@tabler/icons-react/dist/esm/icons/IconPlayerPlay.mjs';
import IconRosette from '@tabler/icons-react/dist/esm/icons/IconRosette.mjs';
import IconRoute from '@tabler/icons-react/dist/esm/icons/IconRoute.mjs';
import IconSend from '@tabler/icons-react/dist/esm/icons/IconSend.mjs';
import IconSignature from '@tabler/icons-react/dist/esm/icons/IconSignature.mjs';
import IconThumbDown from '@tabler/icons-react/dist/esm/icons/IconThumbDown.mjs';
import IconThumbUp from '@tabler/icons-react/dist/esm/icons/IconThumbUp.mjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { toast } from '../../ui/toast.ts';
import { SealIssueDialog } from '../signatures/SealIssueDialog.tsx';
import { SignApproveDialog } from '../signatures/SignApproveDialog.tsx';
import { ActDialog, type StepAction, signsOnApprove } from './ActDialog.tsx';
import type { PageAction } from './ActionBar.tsx';
import { pdfUrl, useDocumentCommand } from './documents.api.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { SubmitDialog } from './SubmitDialog.tsx';

type Open =
  | { kind: 'act'; action: StepAction }
  | { kind: 'sign' | 'submit' | 'route' | 'recall' | 'issue' | 'recall-issued' }
  | null;

const stepIcons: Record<StepAction, PageAction['icon']> = {
  approve: IconCheck,
  agree: IconThumbUp,
  disagree: IconThumbDown,
  return: IconArrowBackUp,
  hold: IconPlayerPause,
  resume: IconPlayerPlay,
};

type Args = { doc: DocumentDetail; approval: ApprovalView | undefined; meId: string; country: Country };

/**
 * The actions the server allows now (its `can` flags and the line's `actions`) as buttons, and the dialog each
 * opens. Nothing here decides who may act: a button exists only when the server said so.
 */
export function useDocumentActions({ doc, approval, meId, country }: Args): {
  actions: PageAction[];
  dialogs: ReactNode;
} {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const recall = useDocumentCommand(doc.id, 'recall');
  const recallIssued = useDocumentCommand(doc.id, 'recall-issued');
  const close = () => setOpen(null);
  const done = (message: string) => {
    toast(message, 'success');
    close();
  };

  // The final approval signs the document: it reads "Sign and approve" and asks who the person is first.
  const signs = !!approval && signsOnApprove(approval, meId);
  const stepActions: PageAction[] = (approval?.actions ?? []).map((action) =>
    action === 'approve' && signs
      ? {
          id: action,
          label: t('signatures.signApprove.action'),
          icon: IconSignature,
          primary: true,
          onClick: () => setOpen({ kind: 'sign' }),
        }
      : {
          id: action,
          label: t(`approval.actions.${action}`),
          icon: stepIcons[action],
          primary: action === 'approve' || action === 'agree' || action === 'resume',
          danger: action === 'return' || action === 'disagree',
          onClick: () => setOpen({ kind: 'act', action }),
        },
  );
  const actions: PageAction[] = [
    ...stepActions,
    ...(doc.can.submit
      ? [
          {
            id: 'submit',
            label: t('editor.submit'),
            icon: IconSend,
            primary: true,
            onClick: () => setOpen({ kind: 'submit' }),
          },
        ]
      : []),
    ...(doc.can.edit
      ? [{ id: 'edit', label: t('common.edit'), icon: IconPencil, to: `/documents/${doc.id}/edit` }]
      : []),
    ...(doc.can.issue
      ? [
          {
            id: 'issue',
            label: t('signatures.sealIssue.action'),
            icon: IconRosette,
            primary: true,
            onClick: () => setOpen({ kind: 'issue' }),
          },
        ]
      : []),
    // 결재경로수정: the server allows the drafter to change the steps not yet reached while in approval.
    ...(doc.drafterId === meId && (doc.status === 'in_approval' || doc.status === 'on_hold') && approval
      ? [
          {
            id: 'route',
            label: t('line.editRoute'),
            icon: IconRoute,
            onClick: () => setOpen({ kind: 'route' }),
          },
        ]
      : []),
    ...(doc.can.recall
      ? [
          {
            id: 'recall',
            label: t('approval.recall'),
            icon: IconCornerUpLeft,
            onClick: () => setOpen({ kind: 'recall' }),
          },
        ]
      : []),
    ...(doc.hasPdf
      ? [{ id: 'pdf', label: t('issue.pdf'), icon: IconFileTypePdf, href: pdfUrl(doc.id) }]
      : []),
    ...(doc.can.recallIssued
      ? [
          {
            id: 'recall-issued',
            label: t('issue.recall'),
            icon: IconCornerUpLeft,
            danger: true,
            onClick: () => setOpen({ kind: 'recall-issued' }),
          },
        ]
      : []),
  ];

  const confirm = (
    title: string,
    message: string,
    label: string,
    run: () => void,
    pending: boolean,
    error: unknown,
  ) => (
    <Dialog opened onClose={close} title={title}>
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={run} loading={pending} data-testid="confirm-action">
            {label}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );

  let dialogs: ReactNode = null;
  if (open?.kind === 'act' && approval)
    dialogs = (
      <ActDialog documentId={doc.id} action={open.action} approval={approval} meId={meId} onClose={close} />
    );
  if (open?.kind === 'submit')
    dialogs = (
      <SubmitDialog
        documentId={doc.id}
        agencyId={doc.agencyId}
        drafterId={doc.drafterId}
        country={country}
        onClose={close}
      />
    );
  if (open?.kind === 'route' && approval)
    dialogs = (
      <SubmitDialog
        documentId={doc.id}
        agencyId={doc.agencyId}
        drafterId={doc.drafterId}
        country={country}
        current={approval.steps}
        onClose={close}
      />
    );
  if (open?.kind === 'recall')
    dialogs = confirm(
      t('approval.recallTitle'),
      t('approval.recallConfirm'),
      t('approval.recall'),
      () => recall.mutate(undefined, { onSuccess: () => done(t('approval.recalled')) }),
      recall.isPending,
      recall.error,
    );
  if (open?.kind === 'sign' && approval)
    dialogs = <SignApproveDialog documentId={doc.id} approval={approval} meId={meId} onClose={close} />;
  if (open?.kind === 'issue') dialogs = <SealIssueDialog documentId={doc.id} onClose={close} />;
  if (open?.kind === 'recall-issued')
    dialogs = (
      <ReasonDialog
        title={t('issue.recallTitle')}
        description={t('issue.recallHint')}
        label={t('issue.recallReason')}
        confirmLabel={t('issue.recall')}
        danger
        loading={recallIssued.isPending}
        error={recallIssued.error}
        onConfirm={(reason) =>
          recallIssued.mutate({ reason }, { onSuccess: () => done(t('issue.recalled')) })
        }
        onClose={close}
        testId="recall-issued-dialog"
      />
    );
  return { actions, dialogs };
}
