import { useMediaQuery } from '@mantine/hooks';

// Read synchronously (the client renders only in a browser): a page must not first render the phone layout on a
// computer and then swap it, nor render both layouts at once (duplicate controls confuse screen readers).

/** Phones: dialogs take the whole screen. */
export const usePhone = () => useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });

/** From Mantine's `sm` breakpoint up: side columns and action panels instead of the bottom bar. */
export const useDesktop = () => useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
