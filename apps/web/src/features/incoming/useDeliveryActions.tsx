import type { Country } from '@civicdesk/contracts/common';
import type { DeliveryDetail } from '@civicdesk/contracts/dispatch';
import type { Person } from '@civicdesk/contracts/org';
import IconArrowBackUp from '@tabler/icons-react/dist/esm/icons/IconArrowBackUp.mjs';
import IconArrowForwardUp from '@tabler/icons-react/dist/esm/icons/IconArrowForwardUp.mjs';
import IconCircleCheck from '@tabler/icons-react/dist/esm/icons/IconCircleCheck.mjs';
import IconCornerUpLeft from '@tabler/icons-react/dist/esm/icons/IconCornerUpLeft.mjs';
import IconEye from '@tabler/icons-react/dist/esm/icons/IconEye.mjs';
import IconFileImport from '@tabler/icons-react/dist/esm/icons/IconFileImport.mjs';
import IconSitemap from '@tabler/icons-react/dist/esm/icons/IconSitemap.mjs';
import IconUserCheck from '@tabler/icons-react/dist/esm/icons/IconUserCheck.mjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toast } from '../../ui/toast.ts';
import type { PageAction } from '../documents/ActionBar.tsx';
import { defaultTypeCode } from '../documents/document-meta.ts';
import { useCreateDocument } from '../documents/documents.api.ts';
import { ReasonDialog } from '../documents/ReasonDialog.tsx';
import { useUnits } from '../org/org.api.ts';
import { usePeople } from '../people/people.api.ts';
import { AssignDialog } from './AssignDialog.tsx';
import { ForwardDialog } from './ForwardDialog.tsx';
import { type DeliveryCommand, useDeliveryCommand } from './incoming.api.ts';
import { PickDialog } from './PickDialog.tsx';

type Open = DeliveryCommand | null;

/** People of the receiving agency as options: name — position, unit. */
function personOptions(people: Person[], agencyId: string) {
  return people
    .filter((p) => p.active)
    .map((p) => {
      const post = p.posts.find((x) => x.active && x.agencyId === agencyId);
      const detail = [post?.positionName, post?.unitName].filter(Boolean).join(', ');
      return { value: p.id, label: detail ? `${p.displayName} — ${detail}` : p.displayName };
    });
}

type Args = { delivery: DeliveryDetail; senderAgencyId: string | undefined; country: Country };

/** The reception steps the server allows now (`can`), as buttons, and the dialog each opens. */
export function useDeliveryActions({ delivery: d, senderAgencyId, country }: Args) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const needPeople = open === 'assign' || open === 'circulate';
  const people = usePeople(needPeople ? d.toAgencyId : null);
  const units = useUnits(open === 'distribute' ? d.toAgencyId : undefined);
  const receive = useDeliveryCommand(d.id, 'receive');
  const giveBack = useDeliveryCommand(d.id, 'return');
  const distribute = useDeliveryCommand(d.id, 'distribute');
  const closeIt = useDeliveryCommand(d.id, 'close');
  const circulate = useDeliveryCommand(d.id, 'circulate');
  const complete = useDeliveryCommand(d.id, 'complete-task');
  const reply = useCreateDocument();
  const done = (message: string) => {
    toast(message, 'success');
    close();
  };

  function startReply() {
    reply.mutate(
      {
        agencyId: d.toAgencyId,
        typeCode: defaultTypeCode(country),
        subject: t('incoming.replySubject', { number: d.numberText ?? '', subject: d.subject }),
        bodyHtml: '',
        replyToDeliveryId: d.id,
        recipients: senderAgencyId ? [{ kind: 'agency', agencyId: senderAgencyId, main: true }] : [],
      },
      {
        onSuccess: (doc) => navigate(`/documents/${doc.id}/edit`),
        onError: (e) => toast(e.message, 'error'),
      },
    );
  }

  const can = d.can;
  const actions: PageAction[] = [
    ...(can.receive
      ? [
          {
            id: 'receive',
            label: t('incoming.actions.receive'),
            icon: IconFileImport,
            primary: true,
            loading: receive.isPending,
            onClick: () =>
              receive.mutate(undefined, {
                onSuccess: () => toast(t('incoming.received'), 'success'),
                onError: (e) => toast(e.message, 'error'),
              }),
          },
          {
            id: 'return',
            label: t('incoming.actions.return'),
            icon: IconArrowBackUp,
            danger: true,
            onClick: () => setOpen('return'),
          },
        ]
      : []),
    ...(can.forward
      ? [
          {
            id: 'forward',
            label: t('incoming.actions.forward'),
            icon: IconArrowForwardUp,
            onClick: () => setOpen('forward'),
          },
        ]
      : []),
    ...(can.distribute
      ? [
          {
            id: 'distribute',
            label: t('incoming.actions.distribute'),
            icon: IconSitemap,
            primary: !d.unitName,
            onClick: () => setOpen('distribute'),
          },
        ]
      : []),
    ...(can.assign
      ? [
          {
            id: 'assign',
            label: t('incoming.actions.assign'),
            icon: IconUserCheck,
            primary: d.handling === 'unassigned',
            onClick: () => setOpen('assign'),
          },
        ]
      : []),
    ...(can.handle
      ? [
          {
            id: 'reply',
            label: t('incoming.actions.reply'),
            icon: IconCornerUpLeft,
            primary: true,
            loading: reply.isPending,
            onClick: startReply,
          },
          {
            id: 'close',
            label: t('incoming.actions.close'),
            icon: IconCircleCheck,
            onClick: () => setOpen('close'),
          },
        ]
      : []),
    ...(can.completeTask
      ? [
          {
            id: 'complete-task',
            label: t('incoming.actions.completeTask'),
            icon: IconCircleCheck,
            onClick: () => setOpen('complete-task'),
          },
        ]
      : []),
    ...(can.circulate
      ? [
          {
            id: 'circulate',
            label: t('incoming.actions.circulate'),
            icon: IconEye,
            onClick: () => setOpen('circulate'),
          },
        ]
      : []),
  ];

  let dialogs: ReactNode = null;
  if (open === 'forward') dialogs = <ForwardDialog delivery={d} onClose={close} />;
  if (open === 'return')
    dialogs = (
      <ReasonDialog
        title={t('incoming.actions.return')}
        description={t('incoming.returnHint')}
        label={t('incoming.returnReason')}
        confirmLabel={t('incoming.actions.return')}
        danger
        loading={giveBack.isPending}
        error={giveBack.error}
        onConfirm={(reason) => giveBack.mutate({ reason }, { onSuccess: () => done(t('incoming.returned')) })}
        onClose={close}
        testId="return-dialog"
      />
    );
  if (open === 'distribute')
    dialogs = (
      <PickDialog
        title={t('incoming.actions.distribute')}
        description={t('incoming.distributeHint')}
        label={t('incoming.unit')}
        confirmLabel={t('incoming.actions.distribute')}
        options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
        loading={distribute.isPending}
        error={distribute.error ?? units.error}
        onConfirm={([unitId]) =>
          distribute.mutate({ unitId: unitId! }, { onSuccess: () => done(t('incoming.distributed')) })
        }
        onClose={close}
        testId="distribute-dialog"
      />
    );
  if (open === 'assign')
    dialogs = (
      <AssignDialog delivery={d} people={personOptions(people.data ?? [], d.toAgencyId)} onClose={close} />
    );
  if (open === 'circulate')
    dialogs = (
      <PickDialog
        title={t('incoming.actions.circulate')}
        description={t('incoming.circulateHint')}
        label={t('incoming.readers')}
        confirmLabel={t('incoming.actions.circulate')}
        multiple
        options={personOptions(people.data ?? [], d.toAgencyId)}
        loading={circulate.isPending}
        error={circulate.error ?? people.error}
        onConfirm={(userIds) =>
          circulate.mutate({ userIds }, { onSuccess: () => done(t('incoming.circulated')) })
        }
        onClose={close}
        testId="circulate-dialog"
      />
    );
  if (open === 'close')
    dialogs = (
      <ReasonDialog
        title={t('incoming.actions.close')}
        description={t('incoming.closeHint')}
        label={t('incoming.resultNote')}
        confirmLabel={t('incoming.actions.close')}
        maxLength={2000}
        loading={closeIt.isPending}
        error={closeIt.error}
        onConfirm={(resultNote) =>
          closeIt.mutate({ resultNote }, { onSuccess: () => done(t('incoming.closed')) })
        }
        onClose={close}
        testId="close-dialog"
      />
    );
  if (open === 'complete-task')
    dialogs = (
      <ReasonDialog
        title={t('incoming.actions.completeTask')}
        description={d.task ?? undefined}
        label={t('incoming.taskReport')}
        confirmLabel={t('incoming.actions.completeTask')}
        maxLength={2000}
        loading={complete.isPending}
        error={complete.error}
        onConfirm={(report) =>
          complete.mutate({ report }, { onSuccess: () => done(t('incoming.taskReported')) })
        }
        onClose={close}
        testId="complete-task-dialog"
      />
    );
  return { actions, dialogs };
}
