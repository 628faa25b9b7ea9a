import { Navigate, Route, Routes } from 'react-router';
import { useMe } from '../auth/auth.api.ts';
import { isExternalMember } from '../committees/committee-rules.ts';
import { CommitteeVideoRedirect } from './CommitteeVideoRedirect.tsx';
import { MeetingDetailPage } from './MeetingDetailPage.tsx';
import { MeetingsListPage } from './MeetingsListPage.tsx';

/**
 * The Meetings menu entry: the lists, one meeting, and the committee video link. The room and the relay viewer
 * (`:id/room`, `:id/live`) are routes of their own in the router. External committee members have no list: they
 * reach a meeting through their committees.
 */
export function MeetingsPage() {
  const external = isExternalMember(useMe().data);
  return (
    <Routes>
      <Route index element={external ? <Navigate to="/committees" replace /> : <MeetingsListPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path=":id/video" element={<CommitteeVideoRedirect />} />
    </Routes>
  );
}
