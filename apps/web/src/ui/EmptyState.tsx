import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="sm" py="xl">
      <Text c="dimmed" ta="center" size="sm">
        {children}
      </Text>
      {action}
    </Stack>
  );
}
