import { Route, Routes } from 'react-router';
import { AssessmentComparePage } from './compare-page';
import { AssessmentHistoryPage } from './history-page';
import { AssessmentReportPage } from './report-page';
import { AssessmentWizard } from './wizard';
import './assessment.css';

/** /w/:slug/assessment/* : history, the questionnaire wizard, reports and comparisons. */
export function AssessmentPage() {
  return (
    <Routes>
      <Route index element={<AssessmentHistoryPage />} />
      <Route path="new" element={<AssessmentWizard />} />
      <Route path="compare" element={<AssessmentComparePage />} />
      <Route path=":number" element={<AssessmentReportPage />} />
    </Routes>
  );
}
