import { Table, type TableProps } from '@mantine/core';

/** A table that scrolls sideways on narrow screens instead of squeezing its columns. */
export function ScrollTable({
  minWidth = 640,
  label,
  ...table
}: TableProps & { minWidth?: number; label?: string }) {
  // position: relative keeps visually-hidden (absolutely positioned) header text inside the scroller; otherwise
  // it is placed against the page and widens it on phones.
  return (
    // A focusable, named region so keyboard users can scroll it (axe: scrollable-region-focusable).
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
