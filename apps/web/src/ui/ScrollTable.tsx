import { Table, type TableProps } from '@mantine/core';

/** A table that scrolls sideways on narrow screens instead of squeezing its columns. */
export function ScrollTable({ minWidth = 640, ...table }: TableProps & { minWidth?: number }) {
  // position: relative keeps visually-hidden (absolutely positioned) header text inside the scroller; otherwise
  // it is placed against the page and widens it on phones.
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" pos="relative">
      <Table striped highlightOnHover verticalSpacing="sm" {...table} />
    </Table.ScrollContainer>
  );
}
