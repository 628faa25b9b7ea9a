import { Table, type TableProps } from '@mantine/core';

type Props = TableProps & { minWidth: number; label: string };

/**
 * A table that scrolls sideways on narrow screens, as a named region that takes keyboard focus so it can be
 * scrolled without a mouse (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function RegionTable({ minWidth, label, ...table }: Props) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      pos="relative"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <Table striped highlightOnHover verticalSpacing="sm" {...table} />
    </Table.ScrollContainer>
  );
}
