import type { Person, PersonCreate, PersonUpdate, PostInput } from '@civicdesk/contracts/org';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

export type PersonInput = z.input<typeof PersonCreate>;
export type PersonPatch = z.input<typeof PersonUpdate>;
export type NewPost = z.input<typeof PostInput> & { agencyId: string };

const peopleKey = (agencyId: string) => ['agencies', agencyId, 'people'] as const;
const allPeople = ['agencies'] as const;

export function usePeople(agencyId: string | undefined | null) {
  return useQuery({
    queryKey: peopleKey(agencyId ?? ''),
    queryFn: ({ signal }) => api<Person[]>(`/agencies/${agencyId}/people`, { signal }),
    enabled: !!agencyId,
  });
}

export function useCreatePerson(agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonInput) => api<Person>(`/agencies/${agencyId}/people`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey(agencyId) }),
    meta: { inline: true },
  });
}

// A person may appear in several agencies' lists: refresh every cached list after a change.
export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: PersonPatch }) =>
      api<Person>(`/people/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allPeople }),
  });
}

export function useAddPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, post }: { personId: string; post: NewPost }) =>
      api<unknown>(`/people/${personId}/posts`, { method: 'POST', body: post }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allPeople }),
    meta: { inline: true },
  });
}

export function useRemovePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (postId: string) => api<unknown>(`/posts/${postId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allPeople }),
  });
}
