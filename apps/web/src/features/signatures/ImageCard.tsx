import { Box, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import IconUpload from '@tabler/icons-react/dist/esm/icons/IconUpload.mjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { SectionCard } from '../../ui/SectionCard.tsx';
import { toast } from '../../ui/toast.ts';
import { useImage, useUploadImage } from './signatures.api.ts';

type Props = {
  /** GET and PUT address of the PNG, e.g. /me/signature-image. */
  path: string;
  title: string;
  description: string;
  hint: string;
  alt: string;
  emptyText: string;
  id: string;
  testId: string;
};

/** The picture stamped into the visible part of a signature: a handwritten signature or the agency's seal. */
export function ImageCard({ path, title, description, hint, alt, emptyText, id, testId }: Props) {
  const { t } = useTranslation();
  const image = useImage(path);
  const upload = useUploadImage(path);
  return (
    <SectionCard title={title} description={description} id={id}>
      <Group align="flex-start" gap="lg" wrap="wrap">
        {/* A checkerboard shows that the background is transparent, as it must be. */}
        <Box className="png-preview" w={220} h={140} data-testid={`${testId}-preview`}>
          {image.isPending ? (
            <Loading minHeight={140} />
          ) : image.data ? (
            <Image src={image.data} alt={alt} fit="contain" h={140} w={220} />
          ) : (
            <Text size="sm" c="dimmed" ta="center" p="md">
              {emptyText}
            </Text>
          )}
        </Box>
        <Stack gap="xs" maw={360} flex={1} miw={220}>
          <Text size="sm">{hint}</Text>
          <FileButton
            accept="image/png"
            onChange={(file) =>
              file && upload.mutate(file, { onSuccess: () => toast(t('signatures.image.saved'), 'success') })
            }
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconUpload size={18} aria-hidden />}
                loading={upload.isPending}
                style={{ alignSelf: 'flex-start' }}
                data-testid={`${testId}-upload`}
              >
                {image.data ? t('signatures.image.replace') : t('signatures.image.upload')}
              </Button>
            )}
          </FileButton>
          <ErrorAlert error={upload.error ?? image.error} />
        </Stack>
      </Group>
    </SectionCard>
  );
}
