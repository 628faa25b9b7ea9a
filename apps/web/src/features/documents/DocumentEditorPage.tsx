import type { DocumentDetail } from '@civicdesk/contracts/documents';
import { Alert, Anchor, Button, Grid, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import IconDeviceFloppy from '@tabler/icons-react/dist/esm/icons/IconDeviceFloppy.mjs';
import IconSend from '@tabler/icons-react/dist/esm/icons/IconSend.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { useMe } from '../auth/auth.api.ts';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { ClassificationFields } from './ClassificationFields.tsx';
import { useCreateDocument, useDocument, useUpdateDocument } from './documents.api.ts';
import { EditorContent } from './EditorContent.tsx';
import {
  documentInput,
  type EditorValues,
  emptyValues,
  isDirectiveType,
  valuesFromDetail,
} from './editor-form.ts';
import { RecipientsEditor } from './RecipientsEditor.tsx';
import { SubmitDialog } from './SubmitDialog.tsx';
import './eoffice.css';
import { draftingPosts } from './eoffice-access.ts';
import { useCountryOf } from './useCountryOf.ts';

/** /documents/new and /documents/:id/edit. */
export function DocumentEditorPage() {
  const { id } = useParams();
  const doc = useDocument(id);
  if (!id) return <EditorForm />;
  if (doc.isPending) return <Loading minHeight={320} />;
  if (doc.error) return <ErrorAlert error={doc.error} />;
  return <EditorForm key={doc.data.id} doc={doc.data} refetch={doc.refetch} />;
}

type FormProps = { doc?: DocumentDetail; refetch?: () => Promise<{ data?: DocumentDetail }> };

function EditorForm({ doc, refetch }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const posts = draftingPosts(me);
  const [params] = useSearchParams();
  const countryOf = useCountryOf();
  const start = posts.find((p) => p.agencyId === params.get('agency')) ?? posts[0];
  const form = useForm<EditorValues>({
    initialValues: doc ? valuesFromDetail(doc) : emptyValues(start?.agencyId ?? '', start?.country ?? 'vn'),
    validate: {
      subject: (v) => (v.trim() ? null : t('common.required')),
      disclosureReason: (v, all) =>
        all.disclosure === 'public' || v.trim() ? null : t('editor.reasonRequired'),
    },
  });
  const [editorKey, setEditorKey] = useState(0);
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const create = useCreateDocument();
  const update = useUpdateDocument(doc?.id ?? '');
  const v = form.values;
  const country = posts.find((p) => p.agencyId === v.agencyId)?.country ?? countryOf(v.agencyId);
  // An approver whose turn it is may correct the subject and text, nothing else (the server enforces it too).
  const textOnly = !!doc && doc.status === 'in_approval';
  const directive = v.isDirective || isDirectiveType(v.typeCode);
  // The version this form started from. The document query refreshes in the background (focus, realtime), but
  // a save must still name the version the person edited, or it would silently overwrite someone else's change.
  const [baseVersion, setBaseVersion] = useState(doc?.version ?? 0);
  const changedMeanwhile = !!doc && doc.version !== baseVersion && !update.isPending;
  const stale =
    changedMeanwhile || (update.error instanceof ApiError && update.error.key === 'documents.stale_version');

  /** The form now holds what the server stored: nothing is left unsaved. */
  function reset(saved: DocumentDetail) {
    const next = valuesFromDetail(saved);
    setBaseVersion(saved.version);
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
  }

  async function save(): Promise<DocumentDetail | undefined> {
    if (form.validate().hasErrors) return undefined;
    if (!doc) {
      const created = await create.mutateAsync(documentInput(v)).catch(() => undefined);
      if (created) {
        toast(t('editor.created'), 'success');
        void navigate(`/documents/${created.id}/edit`, { replace: true });
      }
      return created;
    }
    const { agencyId: _agency, ...input } = documentInput(v);
    const body = textOnly ? { subject: input.subject, bodyHtml: input.bodyHtml } : input;
    const saved = await update
      .mutateAsync({ ...body, version: baseVersion, ...(note.trim() ? { note: note.trim() } : {}) })
      .catch(() => undefined);
    if (saved) {
      reset(saved);
      setNote('');
      toast(t('editor.saved', { version: saved.version }), 'success');
    }
    return saved;
  }

  async function reload() {
    const fresh = (await refetch?.())?.data;
    if (!fresh) return;
    reset(fresh);
    setEditorKey((k) => k + 1);
    update.reset();
  }

  async function saveAndSubmit() {
    if (form.isDirty() && !(await save())) return;
    setSubmitting(true);
  }

  if (!doc && !start) return <ErrorAlert error={new Error(t('editor.noPost'))} />;
  if (doc && !doc.can.edit)
    return (
      <Alert color="yellow" variant="light" title={t('editor.notEditable')}>
        <Anchor component={Link} to={`/documents/${doc.id}`}>
          {t('editor.openDocument')}
        </Anchor>
      </Alert>
    );

  return (
    <>
      <PageHeader
        title={doc ? t('editor.editTitle') : t('editor.newTitle')}
        description={doc ? t('editor.editing', { version: baseVersion }) : t('editor.newSubtitle')}
        actions={
          doc && (
            <Button component={Link} to={`/documents/${doc.id}`} variant="default">
              {t('editor.openDocument')}
            </Button>
          )
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
        data-testid="document-form"
      >
        <Stack gap="md">
          {stale && (
            <Alert color="orange" variant="light" title={t('editor.staleTitle')} role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{update.error?.message ?? t('editor.staleText')}</Text>
                <Button
                  size="xs"
                  variant="white"
                  color="orange.9"
                  onClick={reload}
                  data-testid="reload-latest"
                >
                  {t('editor.reloadLatest')}
                </Button>
              </Stack>
            </Alert>
          )}
          {!stale && <ErrorAlert error={create.error ?? update.error} />}
          {textOnly && (
            <Alert color="blue" variant="light">
              {t('editor.approverEditing')}
            </Alert>
          )}
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="md">
                <EditorContent
                  form={form}
                  posts={doc ? [] : posts}
                  country={country}
                  textOnly={textOnly}
                  editorKey={editorKey}
                />
                <SectionCard
                  title={t('editor.recipients.title')}
                  description={t('editor.recipients.hint')}
                  id="recipients"
                >
                  <Switch
                    label={t('editor.directive')}
                    description={t('editor.directiveHint')}
                    checked={directive}
                    disabled={textOnly || isDirectiveType(v.typeCode)}
                    onChange={(e) => form.setFieldValue('isDirective', e.currentTarget.checked)}
                  />
                  <RecipientsEditor
                    agencyId={v.agencyId}
                    value={v.recipients}
                    onChange={(r) => form.setFieldValue('recipients', r)}
                    directive={directive}
                    disabled={textOnly}
                  />
                </SectionCard>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="md">
                <SectionCard title={t('editor.classification')} id="classification">
                  <ClassificationFields form={form} disabled={textOnly} />
                </SectionCard>
                <SectionCard title={t('attachments.title')} id="attachments">
                  {doc ? (
                    <AttachmentsPanel doc={doc} editable={!textOnly} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('attachments.saveFirst')}
                    </Text>
                  )}
                </SectionCard>
                {doc && (
                  <TextInput
                    label={t('editor.versionNote')}
                    description={t('editor.versionNoteHint')}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    maxLength={300}
                  />
                )}
              </Stack>
            </Grid.Col>
          </Grid>
          <Group className="sticky-actions" justify="flex-end" gap="sm">
            <Button
              type="submit"
              variant={doc?.can.submit ? 'default' : 'filled'}
              loading={create.isPending || update.isPending}
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
              data-testid="save-document"
            >
              {doc ? t('editor.save') : t('editor.saveDraft')}
            </Button>
            {doc?.can.submit && (
              <Button
                onClick={saveAndSubmit}
                leftSection={<IconSend size={18} aria-hidden />}
                data-testid="open-submit"
              >
                {t('editor.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {doc && submitting && (
        <SubmitDialog
          documentId={doc.id}
          agencyId={doc.agencyId}
          drafterId={doc.drafterId}
          country={country}
          onClose={() => setSubmitting(false)}
          onSubmitted={() => navigate(`/documents/${doc.id}`)}
        />
      )}
    </>
  );
}
