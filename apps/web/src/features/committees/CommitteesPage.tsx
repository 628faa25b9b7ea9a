import { Route, Routes } from 'react-router';
import { CommitteeList } from './CommitteeList.tsx';
import { CommitteePage } from './CommitteePage.tsx';
import { MeetingPage } from './MeetingPage.tsx';

/** The Committees menu entry: the list, one committee, and one meeting (also reached from notification links). */
export function CommitteesPage() {
  return (
    <Routes>
      <Route index element={<CommitteeList />} />
      <Route path="meetings/:meetingId" element={<MeetingPage />} />
      <Route path=":committeeId" element={<CommitteePage />} />
    </Routes>
  );
}
