import type { ApprovalStep, StepKind } from '@civicdesk/contracts/approvals';
import type { Country } from '@civicdesk/contracts/common';
import { Alert, Button, Group, Menu, Stack, Text } from '@mantine/core';
import IconPlus from '@tabler/icons-react/dist/esm/icons/IconPlus.mjs';
import IconSend from '@tabler/icons-react/dist/esm/icons/IconSend.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { toast } from '../../ui/toast.ts';
import { usePeople } from '../people/people.api.ts';
import { starterLine, stepKindsFor } from './document-meta.ts';
import { useEditRoute, useSubmitDocument } from './documents.api.ts';
import { LineStepRow } from './LineStepRow.tsx';
import {
  canRunParallel,
  type DraftStep,
  fromLine,
  linePeople,
  move,
  newStep,
  stepNumbers,
  toLine,
} from './line-builder.ts';
import { SavedLinesBar } from './SavedLinesBar.tsx';
import { usePhone } from './useScreen.ts';

type Props = {
  documentId: string;
  agencyId: string;
  drafterId: string;
  country: Country;
  onClose: () => void;
  onSubmitted?: () => void;
  /**
   * 결재경로수정 / sửa luồng duyệt: the line is in approval; `current` is its steps, those already reached stay
   * and the waiting ones are replaced by what the drafter builds here.
   */
  current?: ApprovalStep[];
};

/** 상신 / trình: the drafter builds (or loads) a typed, ordered approval line and sends the draft along it. */
export function SubmitDialog(props: Props) {
  const { documentId, agencyId, drafterId, country, onClose, onSubmitted, current } = props;
  const { t } = useTranslation();
  const phone = usePhone();
  const people = usePeople(agencyId);
  const editing = !!current;
  const submitLine = useSubmitDocument(documentId);
  const editRoute = useEditRoute(documentId);
  const submit = editing ? editRoute : submitLine;
  const kinds = stepKindsFor(country);
  const kept = (current ?? []).filter((s) => s.state !== 'waiting');
  const [steps, setSteps] = useState<DraftStep[]>(() =>
    current
      ? fromLine(
          current
            .filter((s) => s.state === 'waiting')
            .map((s, i, waiting) => ({ ...s, parallel: i > 0 && waiting[i - 1]!.seq === s.seq })),
        )
      : starterLine(country).map((k) => newStep(k)),
  );
  const [missing, setMissing] = useState(false);
  const options = linePeople(people.data ?? [], agencyId, drafterId);
  // New steps are numbered after those already on the line.
  const offset = Math.max(0, ...kept.map((s) => s.seq));
  const numbers = stepNumbers(steps).map((n) => n + offset);

  const change = (i: number, patch: Partial<DraftStep>) => {
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
    setMissing(false);
  };
  const addStep = (kind: StepKind) => setSteps((all) => [...all, newStep(kind)]);

  function send() {
    if ((!editing && steps.length === 0) || steps.some((s) => !s.assigneeId)) return setMissing(true);
    submit.mutate(toLine(steps), {
      onSuccess: () => {
        toast(t(editing ? 'line.routeSaved' : 'line.submitted'), 'success');
        onSubmitted?.();
        onClose();
      },
    });
  }

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(editing ? 'line.editRouteTitle' : 'line.title')}
      size="xl"
      fullScreen={phone}
    >
      <Stack gap="md" data-testid="submit-dialog">
        <Text size="sm" c="dimmed">
          {editing ? t('line.editRouteHint') : t(country === 'kr' ? 'line.hintKr' : 'line.hintVn')}
        </Text>
        {kept.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('line.kept')}
            </Text>
            <Stack gap={2} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
              {kept.map((s) => (
                <Text key={s.id} component="li" size="sm" c="dimmed">
                  {s.seq}. {t(`line.kinds.${s.kind}`)} — {s.assigneeName} ({t(`approval.states.${s.state}`)})
                </Text>
              ))}
            </Stack>
          </div>
        )}
        <SavedLinesBar steps={steps} onLoad={setSteps} />
        {people.isPending ? (
          <Loading />
        ) : people.error ? (
          <ErrorAlert error={people.error} />
        ) : (
          <Stack
            gap="xs"
            component="ol"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('line.steps')}
          >
            {steps.map((s, i) => (
              <LineStepRow
                key={s.key}
                step={s}
                number={numbers[i]!}
                kinds={kinds}
                people={options}
                parallelAllowed={canRunParallel(steps, i)}
                showMissing={missing}
                first={i === 0}
                last={i === steps.length - 1}
                onChange={(patch) => change(i, patch)}
                onMove={(by) => setSteps((all) => move(all, i, by))}
                onRemove={() => setSteps((all) => all.filter((_, j) => j !== i))}
              />
            ))}
          </Stack>
        )}
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} w="fit-content">
              {t('line.addStep')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {kinds.map((k) => (
              <Menu.Item key={k} onClick={() => addStep(k)}>
                {t(`line.kinds.${k}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {missing && (
          <Alert color="red" variant="light" role="alert">
            {t(steps.length === 0 && !editing ? 'line.empty' : 'line.choosePeople')}
          </Alert>
        )}
        <ErrorAlert error={submit.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={send}
            loading={submit.isPending}
            leftSection={<IconSend size={16} aria-hidden />}
            data-testid="submit-line"
          >
            {t(editing ? 'line.saveRoute' : 'line.submit')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
