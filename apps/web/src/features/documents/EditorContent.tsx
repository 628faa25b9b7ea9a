import type { Country } from '@civicdesk/contracts/common';
import type { MePost } from '@civicdesk/contracts/identity';
import { Group, Select, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { dropdownBelow } from './combobox.ts';
import { typesFor } from './document-meta.ts';
import { useTemplates } from './documents.api.ts';
import { type EditorValues, emptyValues, isBlankHtml } from './editor-form.ts';

const RichBodyEditor = lazy(async () => ({ default: (await import('./RichBodyEditor.tsx')).RichBodyEditor }));

type Props = {
  form: UseFormReturnType<EditorValues>;
  /** The agencies a new document may be drafted in (empty once it exists: its agency is fixed). */
  posts: MePost[];
  country: Country;
  /** An approver edits the subject and text only. */
  textOnly: boolean;
  /** Changes when the body is replaced from outside (reload), so the editor starts again from it. */
  editorKey: number;
};

/** Agency, type, subject (trích yếu / 제목) and the rich-text body. */
export function EditorContent({ form, posts, country, textOnly, editorKey }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const v = form.values;
  const bodyError = form.errors.bodyHtml as string | undefined;
  // A new document may start from an agency template (type and body); the editor restarts from its text.
  const templates = useTemplates(posts.length ? v.agencyId : null).data ?? [];
  const [templateRun, setTemplateRun] = useState(0);
  const types = typesFor(country).map((d) => ({
    value: d.code,
    label: d.printed ? `${d.names[locale]} (${d.code})` : d.names[locale],
  }));
  return (
    <SectionCard title={t('editor.content')} id="content">
      <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
        {posts.length > 1 && (
          <Select
            comboboxProps={dropdownBelow}
            label={t('common.agency')}
            data={posts.map((p) => ({ value: p.agencyId, label: p.agencyName }))}
            allowDeselect={false}
            miw={220}
            {...form.getInputProps('agencyId')}
            onChange={(id) => {
              const post = posts.find((p) => p.agencyId === id);
              if (!post) return;
              form.setValues({
                ...emptyValues(post.agencyId, post.country),
                subject: v.subject,
                bodyHtml: v.bodyHtml,
              });
            }}
          />
        )}
        {templates.length > 0 && (
          <Select
            comboboxProps={dropdownBelow}
            label={t('editor.template')}
            placeholder={t('editor.templateNone')}
            data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            clearable
            miw={220}
            data-testid="field-template"
            onChange={(id) => {
              const tpl = templates.find((x) => x.id === id);
              if (!tpl) return;
              form.setValues({ typeCode: tpl.typeCode as EditorValues['typeCode'], bodyHtml: tpl.bodyHtml });
              setTemplateRun((n) => n + 1);
            }}
          />
        )}
        <Select
          comboboxProps={dropdownBelow}
          label={t('doc.fields.type')}
          data={types}
          allowDeselect={false}
          searchable
          disabled={textOnly}
          miw={220}
          data-testid="field-type"
          {...form.getInputProps('typeCode')}
        />
      </Group>
      <Textarea
        label={t('doc.fields.subject')}
        description={t(country === 'kr' ? 'editor.subjectHintKr' : 'editor.subjectHintVn')}
        autosize
        minRows={2}
        required
        data-testid="field-subject"
        {...form.getInputProps('subject')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="body-label">
          {t('doc.fields.body')}
        </Text>
        <Suspense fallback={<Skeleton height={330} radius="md" />}>
          <RichBodyEditor
            key={`${editorKey}-${templateRun}`}
            value={v.bodyHtml}
            onChange={(html) => form.setFieldValue('bodyHtml', isBlankHtml(html) ? '' : html)}
            label={t('doc.fields.body')}
            invalid={!!bodyError}
          />
        </Suspense>
      </Stack>
    </SectionCard>
  );
}
