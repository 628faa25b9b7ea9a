import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../lib/api.ts';
import { toast } from '../ui/toast.ts';

declare module '@tanstack/react-query' {
  interface Register {
    /** inline: the form shows the error itself, so no toast. */
    mutationMeta: { inline?: boolean };
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on retry; a network blip or 5xx might.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (mutation.meta?.inline) return;
      if (error instanceof ApiError && error.status === 401) return;
      toast(errorMessage(error), 'error');
    },
  }),
});
