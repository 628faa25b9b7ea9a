import { useMe } from '../../features/auth/auth.api.ts';
import type { NavEntry } from '../navigation.ts';
import { Forbidden } from './NotFound.tsx';

/** Renders a navigation entry's page when the person may see it. */
export function EntryGuard({ entry }: { entry: NavEntry }) {
  const me = useMe().data;
  if (!me) return null;
  if (entry.allowed && !entry.allowed(me)) return <Forbidden />;
  const Page = entry.page;
  return <Page />;
}
