import { Route, Routes } from 'react-router';
import { ReportFormPage } from './ReportFormPage.tsx';
import { ReportsHome } from './ReportsHome.tsx';
import { LatestSynthesis, SynthesisPage } from './SynthesisPage.tsx';
import { TemplateEditorPage } from './TemplateEditorPage.tsx';

/** The Reports menu entry: what to submit and what was defined, a new template, one report, one synthesis. */
export function ReportsPage() {
  return (
    <Routes>
      <Route index element={<ReportsHome />} />
      <Route path="new" element={<TemplateEditorPage />} />
      <Route path="periods/:periodId" element={<ReportFormPage />} />
      <Route path="periods/:periodId/synthesis" element={<SynthesisPage />} />
      <Route path="templates/:templateId" element={<LatestSynthesis />} />
    </Routes>
  );
}
