import type { DocumentDetail } from '@civicdesk/contracts/documents';
import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import IconDownload from '@tabler/icons-react/dist/esm/icons/IconDownload.mjs';
import IconPaperclip from '@tabler/icons-react/dist/esm/icons/IconPaperclip.mjs';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import IconUpload from '@tabler/icons-react/dist/esm/icons/IconUpload.mjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n/i18n.ts';
import { formatBytes } from './document-meta.ts';
import { attachmentUrl, useRemoveAttachment, useUploadAttachment } from './documents.api.ts';

type Refusal = { name: string; message: string };

/** The files of a document: download for anyone who reads it; upload and remove while the drafter edits. */
export function AttachmentsPanel({ doc, editable }: { doc: DocumentDetail; editable: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const upload = useUploadAttachment(doc.id);
  const remove = useRemoveAttachment(doc.id);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [busy, setBusy] = useState(false);

  async function add(files: File[]) {
    setBusy(true);
    const refused: Refusal[] = [];
    // One at a time: each file is checked (type, size) on its own and may be refused on its own.
    for (const file of files) {
      try {
        await upload.mutateAsync(file);
      } catch (error) {
        refused.push({ name: file.name, message: errorMessage(error) });
      }
    }
    setRefusals(refused);
    setBusy(false);
  }

  return (
    <Stack gap="sm" data-testid="attachments">
      {doc.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attachments.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {doc.attachments.map((a) => (
            <Group key={a.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
              <Group gap={8} wrap="nowrap" miw={0}>
                <IconPaperclip size={16} aria-hidden style={{ flex: 'none' }} />
                <div style={{ minWidth: 0 }}>
                  <Anchor
                    href={attachmentUrl(doc.id, a.id)}
                    target="_blank"
                    rel="noopener"
                    size="sm"
                    fw={500}
                    style={{ overflowWrap: 'anywhere' }}
                    data-testid="attachment-link"
                  >
                    {a.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatBytes(a.size, locale)} · {a.mime}
                  </Text>
                </div>
              </Group>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  component="a"
                  href={attachmentUrl(doc.id, a.id)}
                  download={a.name}
                  variant="subtle"
                  color="gray.8"
                  aria-label={t('attachments.download', { name: a.name })}
                >
                  <IconDownload size={16} aria-hidden />
                </ActionIcon>
                {editable && (
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    onClick={() => remove.mutate(a.id)}
                    loading={remove.isPending && remove.variables === a.id}
                    aria-label={t('attachments.remove', { name: a.name })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {refusals.length > 0 && (
        <Alert color="red" variant="light" title={t('attachments.refused')} role="alert">
          <Stack gap={4}>
            {refusals.map((r) => (
              <Text key={r.name} size="sm">
                <strong>{r.name}</strong>: {r.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {editable && (
        <Group>
          <FileButton onChange={(files) => void add(files)} multiple>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                loading={busy}
                data-testid="attach-button"
              >
                {t('attachments.add')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('attachments.hint')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
