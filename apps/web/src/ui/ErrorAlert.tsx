import { Alert } from '@mantine/core';
import IconAlertCircle from '@tabler/icons-react/dist/esm/icons/IconAlertCircle.mjs';
import { errorMessage } from '../lib/api.ts';

type Props = { error: unknown; title?: string };

/** Shows what went wrong, in the words the server (or the client) chose for this language. */
export function ErrorAlert({ error, title }: Props) {
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={20} aria-hidden />}
      title={title}
      role="alert"
    >
      {errorMessage(error)}
    </Alert>
  );
}
