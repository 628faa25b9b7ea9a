import { Route, Routes } from 'react-router';
import { ApplyPage } from './ApplyPage.tsx';
import { CataloguePage } from './CataloguePage.tsx';
import { MySubmissionsPage } from './MySubmissionsPage.tsx';
import { PortalLoginPage, RegisterPage, VerifyEmailPage } from './PortalAccountPages.tsx';
import { PortalSecurityPage } from './PortalSecurityPage.tsx';
import { PortalSubmissionPage, TrackPage } from './PortalSubmissionPage.tsx';
import { RecordsPage } from './RecordsPage.tsx';

/** The public services portal (/portal): open to anyone; citizens sign in here, not in the staff app. */
export function PortalPage() {
  return (
    <Routes>
      <Route index element={<CataloguePage />} />
      <Route path="procedures/:id" element={<ApplyPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="verify-email/:token" element={<VerifyEmailPage />} />
      <Route path="login" element={<PortalLoginPage />} />
      <Route path="track" element={<TrackPage />} />
      <Route path="submissions" element={<MySubmissionsPage />} />
      <Route path="submissions/:id" element={<PortalSubmissionPage />} />
      <Route path="records" element={<RecordsPage />} />
      <Route path="security" element={<PortalSecurityPage />} />
    </Routes>
  );
}
