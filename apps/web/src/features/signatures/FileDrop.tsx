import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import IconFileUpload from '@tabler/icons-react/dist/esm/icons/IconFileUpload.mjs';
import { type DragEvent, useState } from 'react';

type Props = {
  label: string;
  hint: string;
  buttonLabel: string;
  accept: string;
  loading?: boolean;
  onFile: (file: File) => void;
  testId?: string;
};

/** Drop a file here, or pick one with the button (the only way on a phone, and for keyboard users). */
export function FileDrop({ label, hint, buttonLabel, accept, loading, onFile, testId }: Props) {
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <Paper
      radius="md"
      p={{ base: 'md', sm: 'xl' }}
      bg={over ? 'civic.0' : 'gray.0'}
      style={{ border: `2px dashed var(--mantine-color-${over ? 'civic-5' : 'gray-4'})` }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={testId}
    >
      <Stack align="center" gap="xs" ta="center">
        <IconFileUpload size={36} aria-hidden color="var(--mantine-color-civic-6)" />
        <Text fw={600}>{label}</Text>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <FileButton onChange={(f) => f && onFile(f)} accept={accept}>
          {(props) => (
            <Button {...props} mt="xs" loading={loading} data-testid={testId && `${testId}-button`}>
              {buttonLabel}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
