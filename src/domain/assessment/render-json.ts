/**
 * Renders an assessment report as JSON, with the decision-rights changes the plan implies, so
 * other tools can apply them.
 */
import { impliedDecisionRights } from './growth-plan';
import { QUESTIONNAIRE_VERSION } from './questionnaire';
import type { AssessmentReport } from './types';

/**
 * Renders the report as pretty-printed JSON.
 * @returns the JSON text, ending with a newline
 */
export function renderJson(report: AssessmentReport): string {
  const document = {
    questionnaireVersion: QUESTIONNAIRE_VERSION,
    ...report,
    impliedDecisionRights: impliedDecisionRights(report.plan),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
