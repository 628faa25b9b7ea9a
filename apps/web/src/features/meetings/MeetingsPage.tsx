import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { Loading } from '../../ui/Loading.tsx';
import { useMe } from '../auth/auth.api.ts';
import { isExternalMember } from '../committees/committee-rules.ts';
import { CommitteeVideoRedirect } from './CommitteeVideoRedirect.tsx';
import { MeetingDetailPage } from './MeetingDetailPage.tsx';
import { MeetingsListPage } from './MeetingsListPage.tsx';

/** Any other page under a meeting: the meeting's own page. */
function ToMeeting() {
  return <Navigate to={`/meetings/${useParams().id}`} replace />;
}

// The room and the relay viewer carry the WebRTC client: loaded only when someone joins or watches.
const MeetingRoomPage = lazy(async () => ({
  default: (await import('./live/MeetingRoomPage.tsx')).MeetingRoomPage,
}));
const RelayViewerPage = lazy(async () => ({
  default: (await import('./live/RelayViewerPage.tsx')).RelayViewerPage,
}));

/**
 * The Meetings menu entry: the lists, one meeting, the committee video link, the room (`:id/room`) and the staff
 * relay (`:id/live`). External committee members have no list: they reach a meeting through their committees.
 */
export function MeetingsPage() {
  const external = isExternalMember(useMe().data);
  return (
    <Routes>
      <Route index element={external ? <Navigate to="/committees" replace /> : <MeetingsListPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path=":id/video" element={<CommitteeVideoRedirect />} />
      <Route
        path=":id/room"
        element={
          <Suspense fallback={<Loading />}>
            <MeetingRoomPage />
          </Suspense>
        }
      />
      <Route
        path=":id/live"
        element={
          <Suspense fallback={<Loading />}>
            <RelayViewerPage />
          </Suspense>
        }
      />
      <Route path=":id/*" element={<ToMeeting />} />
    </Routes>
  );
}
