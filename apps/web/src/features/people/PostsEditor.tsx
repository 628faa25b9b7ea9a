import type { Agency, Person } from '@civicdesk/contracts/org';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import IconTrash from '@tabler/icons-react/dist/esm/icons/IconTrash.mjs';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleColor } from '../auth/roles.ts';
import { AgencySelect } from '../org/AgencySelect.tsx';
import { useAgencies } from '../org/org.api.ts';
import { PostFields, type PostValues } from './PostFields.tsx';
import { useAddPost, useRemovePost } from './people.api.ts';

const emptyPost: PostValues = { unitId: null, positionId: null, role: 'official' };

/** The posts a person holds (in any agency the caller can see), and a form to add one. */
export function PostsEditor({ person, agency }: { person: Person; agency: Agency }) {
  const { t } = useTranslation();
  const agencies = useAgencies().data ?? [];
  const add = useAddPost();
  const remove = useRemovePost();
  const [agencyId, setAgencyId] = useState<string>(agency.id);
  const [post, setPost] = useState<PostValues>(emptyPost);
  const nameOf = (id: string) => agencies.find((a) => a.id === id)?.name ?? t('people.otherAgency');
  const posts = person.posts.filter((p) => p.active);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!post.role) return;
    add.mutate(
      {
        personId: person.id,
        post: { agencyId, unitId: post.unitId, positionId: post.positionId, role: post.role },
      },
      { onSuccess: () => setPost(emptyPost) },
    );
  }

  return (
    <Stack gap="md">
      <Text fw={600}>{t('people.posts')}</Text>
      {posts.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('people.noPosts')}
        </Text>
      )}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="person-posts">
        {posts.map((p) => (
          <Paper component="li" key={p.id} withBorder radius="md" px="sm" py={8}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {nameOf(p.agencyId)}
                </Text>
                <Group gap={6} wrap="wrap">
                  <Badge size="sm" variant="light" color={roleColor(p.role)}>
                    {t(`roles.${p.role}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {[p.unitName, p.positionName].filter(Boolean).join(' · ')}
                  </Text>
                </Group>
              </div>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('people.removePost', {
                  agency: nameOf(p.agencyId),
                  role: t(`roles.${p.role}`),
                })}
                loading={remove.isPending && remove.variables === p.id}
                onClick={() => remove.mutate(p.id)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
      </Stack>
      <form onSubmit={submit} data-testid="add-post-form">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('people.addPost')}
          </Text>
          <ErrorAlert error={add.error} />
          <AgencySelect
            label={t('common.agency')}
            name="postAgency"
            keep={(a) => a.canAdmin && a.active}
            value={agencyId}
            allowDeselect={false}
            onChange={(id) => {
              if (!id) return;
              setAgencyId(id);
              setPost(emptyPost);
            }}
          />
          <PostFields agencyId={agencyId} values={post} onChange={setPost} />
          <Group>
            <Button type="submit" variant="light" loading={add.isPending} disabled={!post.role}>
              {t('people.addPost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
