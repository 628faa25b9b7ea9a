import type { Meeting } from '@civicdesk/contracts/committees';
import type { TablerIcon } from '@tabler/icons-react';
import IconBuilding from '@tabler/icons-react/dist/esm/icons/IconBuilding.mjs';
import IconPencil from '@tabler/icons-react/dist/esm/icons/IconPencil.mjs';
import IconVideo from '@tabler/icons-react/dist/esm/icons/IconVideo.mjs';

export const modeIcons: Record<Meeting['mode'], TablerIcon> = {
  in_person: IconBuilding,
  online: IconVideo,
  written: IconPencil,
};

export const statusColors: Record<Meeting['status'], string> = {
  draft: 'gray',
  noticed: 'blue',
  open: 'teal',
  closed: 'dark',
};

/** A datetime-local value (yyyy-mm-ddThh:mm, local time) from an ISO timestamp, and back. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const fromLocalInput = (value: string): string | null => {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
