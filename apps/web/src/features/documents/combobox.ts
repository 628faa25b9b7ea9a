import type { ComboboxProps } from '@mantine/core';

/**
 * Dropdowns open left-aligned under their input. Centred placement is computed before the dropdown takes the
 * input's width; inside a full-screen dialog on a phone that first position overflows the screen, the page
 * widens, and the dialog and dropdown keep re-laying out (seen at 375 px in Chromium).
 */
export const dropdownBelow: ComboboxProps = { position: 'bottom-start' };
