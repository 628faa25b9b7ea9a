import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  description?: ReactNode;
  id?: string;
  children: ReactNode;
  headingOrder?: 2 | 3;
};

/** A titled block of a page; the heading labels the region for screen readers. */
export function SectionCard({ title, description, id, children, headingOrder = 2 }: Props) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      id={id}
      aria-labelledby={headingId}
    >
      <Stack gap="md">
        <div>
          <Title order={headingOrder} fz="lg" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm" mt={4}>
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
