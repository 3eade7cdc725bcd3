/**
 * The authorization matrix's declared table, part two: prioritization, estimation, saved views,
 * the roadmap, forecasts and the assessment.
 */
import { ALL, FOUNDER, I, METHOD, ORDER, ROADMAP, type RouteCase, TECH, W } from './authorization-cases';

/** Prioritization, estimation, saved views, roadmap, forecast and assessment routes. */
export const PLANNING_CASES: RouteCase[] = [
  // Prioritization and estimation.
  { name: 'ranking', method: 'GET', path: (t) => `${W(t)}/ranking?framework=rice`, allowed: ALL },
  {
    name: 'compare rankings',
    method: 'GET',
    path: (t) => `${W(t)}/ranking/compare?a=rice&b=manual`,
    allowed: ALL,
  },
  {
    name: 'ranking sensitivity',
    method: 'GET',
    path: (t) => `${W(t)}/ranking/sensitivity?framework=rice`,
    allowed: ALL,
  },
  {
    name: 'apply ranking',
    method: 'POST',
    path: (t) => `${W(t)}/ranking/apply`,
    body: () => ({ framework: 'rice' }),
    allowed: ORDER,
  },
  { name: 'list formulas', method: 'GET', path: (t) => `${W(t)}/formulas`, allowed: ALL },
  {
    name: 'create formula',
    method: 'POST',
    path: (t) => `${W(t)}/formulas`,
    body: () => ({ name: `F ${Math.random()}`, expression: 'rice_reach * 2' }),
    allowed: METHOD,
  },
  {
    name: 'edit formula',
    method: 'PATCH',
    path: (t) => `${W(t)}/formulas/${t.formulaId}`,
    body: () => ({ version: 1, expression: 'rice_reach * 3' }),
    allowed: METHOD,
    needs: 'formula',
  },
  {
    name: 'delete formula',
    method: 'DELETE',
    path: (t) => `${W(t)}/formulas/${t.formulaId}`,
    allowed: METHOD,
    needs: 'formula',
  },
  { name: 'calibration', method: 'GET', path: (t) => `${W(t)}/calibration`, allowed: ALL },
  {
    name: 'flow metrics',
    method: 'GET',
    path: (t) => `${W(t)}/metrics?from=2026-01-01&to=2026-03-31`,
    allowed: ALL,
  },
  { name: 'weekly brief', method: 'GET', path: (t) => `${W(t)}/brief`, allowed: ALL },
  { name: 'weekly brief e-mail setting', method: 'GET', path: (t) => `${W(t)}/brief/email`, allowed: ALL },
  {
    name: 'set my weekly brief e-mail',
    method: 'PUT',
    path: (t) => `${W(t)}/brief/email`,
    body: () => ({ enabled: false }),
    allowed: ALL,
  },
  // Every member may ask; the test server has no e-mail, so the allowed answer is its 400.
  {
    name: 'send me my brief',
    method: 'POST',
    path: (t) => `${W(t)}/brief/send`,
    body: () => ({}),
    allowed: ALL,
  },
  { name: 'workflow', method: 'GET', path: (t) => `${W(t)}/workflow`, allowed: ALL },
  {
    name: 'add a workflow state',
    method: 'POST',
    path: (t) => `${W(t)}/workflow/states`,
    body: () => ({ name: `QA ${Math.random()}`, builtinState: 'in_review' }),
    allowed: TECH,
  },
  { name: 'cycles', method: 'GET', path: (t) => `${W(t)}/cycles`, allowed: ALL },
  {
    name: 'create a cycle',
    method: 'POST',
    path: (t) => `${W(t)}/cycles`,
    // A day of its own in a far year, so no two calls' cycles overlap.
    body: () => {
      const day = new Date(
        Date.UTC(2100 + Math.floor(Math.random() * 800), 0, 1 + Math.floor(Math.random() * 360)),
      );
      const iso = day.toISOString().slice(0, 10);
      return { name: 'Sprint', startDate: iso, endDate: iso };
    },
    allowed: ROADMAP,
  },
  { name: 'calibrated estimate', method: 'GET', path: (t) => `${I(t)}/calibrated-estimate`, allowed: ALL },
  {
    name: 'list estimation sessions',
    method: 'GET',
    path: (t) => `${W(t)}/estimation-sessions`,
    allowed: ALL,
  },
  {
    name: 'start estimation session',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions`,
    body: (t) => ({ title: 'Refinement', itemIds: [t.item.id] }),
    allowed: TECH,
  },
  {
    name: 'get estimation session',
    method: 'GET',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}`,
    allowed: ALL,
    needs: 'session',
  },
  {
    name: 'vote in estimation session',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}/votes`,
    body: (t) => ({ itemId: t.item.id, days: 3 }),
    allowed: TECH,
    needs: 'session',
  },
  {
    name: 'reveal estimation session',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}/reveal`,
    allowed: TECH,
    needs: 'session',
  },
  {
    name: 'accept session estimate',
    method: 'POST',
    path: (t) => `${W(t)}/estimation-sessions/${t.sessionId}/accept`,
    body: (t) => ({
      itemId: t.item.id,
      version: t.item.version,
      estimate: { optimistic: 1, likely: 3, pessimistic: 6 },
    }),
    allowed: TECH,
    needs: 'revealed-session',
  },
  { name: 'estimation scale', method: 'GET', path: (t) => `${W(t)}/estimation-scale`, allowed: ALL },
  {
    name: 'set estimation scale',
    method: 'PUT',
    path: (t) => `${W(t)}/estimation-scale`,
    body: () => ({
      sizes: [
        { size: 'S', min: 1, max: 2 },
        { size: 'M', min: 2, max: 5 },
        { size: 'L', min: 5, max: 10 },
      ],
    }),
    allowed: TECH,
  },
  // Saved views: any member saves one; a shared one is changed by its owner (the CTO) or a founder.
  { name: 'list saved views', method: 'GET', path: (t) => `${W(t)}/saved-views`, allowed: ALL },
  {
    name: 'save a shared view',
    method: 'POST',
    path: (t) => `${W(t)}/saved-views`,
    body: () => ({ name: `V ${Math.random()}`, shared: true, query: { type: 'bug' } }),
    allowed: ALL,
  },
  {
    name: 'rename a shared view',
    method: 'PATCH',
    path: (t) => `${W(t)}/saved-views/${t.viewId}`,
    body: () => ({ version: 1, name: `Renamed ${Math.random()}` }),
    allowed: ['cto', 'founder'],
    needs: 'shared-view',
  },
  {
    name: 'delete a shared view',
    method: 'DELETE',
    path: (t) => `${W(t)}/saved-views/${t.viewId}`,
    allowed: ['cto', 'founder'],
    needs: 'shared-view',
  },
  // Roadmap and forecasts.
  { name: 'roadmap', method: 'GET', path: (t) => `${W(t)}/roadmap`, allowed: ALL },
  {
    name: 'what-if scenario',
    method: 'POST',
    path: (t) => `${W(t)}/roadmap/scenarios`,
    body: () => ({ changes: [{ kind: 'add_person', name: 'New developer', fte: 1, skills: ['backend'] }] }),
    allowed: ALL,
  },
  { name: 'list snapshots', method: 'GET', path: (t) => `${W(t)}/roadmap/snapshots`, allowed: ALL },
  {
    name: 'publish snapshot',
    method: 'POST',
    path: (t) => `${W(t)}/roadmap/snapshots`,
    body: () => ({}),
    allowed: ROADMAP,
  },
  {
    name: 'throughput forecast',
    method: 'GET',
    path: (t) => `${W(t)}/forecasts/throughput?items=10`,
    allowed: ALL,
  },
  {
    name: 'plan forecast',
    method: 'GET',
    path: (t) => `${W(t)}/forecasts/plan?items=${t.item.id}&trials=50`,
    allowed: ALL,
  },
  {
    name: 'health updates of a milestone',
    method: 'GET',
    path: (t) => `${I(t)}/health-updates`,
    allowed: ALL,
  },
  {
    name: 'latest health updates',
    method: 'GET',
    path: (t) => `${W(t)}/health-updates/latest`,
    allowed: ALL,
  },
  {
    name: 'milestone forecasts',
    method: 'GET',
    path: (t) => `${W(t)}/forecasts/milestones?trials=50`,
    allowed: ALL,
  },
  {
    name: 'forecast track record',
    method: 'GET',
    path: (t) => `${W(t)}/forecasts/track-record`,
    allowed: ALL,
  },
  // Assessment.
  {
    name: 'questionnaire',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/questionnaire?variant=short`,
    allowed: ALL,
  },
  { name: 'prefill', method: 'GET', path: (t) => `${W(t)}/assessments/prefill?variant=short`, allowed: ALL },
  {
    name: 'assess',
    method: 'POST',
    path: (t) => `${W(t)}/assessments`,
    body: () => ({ variant: 'short', answers: {} }),
    allowed: FOUNDER,
  },
  {
    name: 'list assessments',
    method: 'GET',
    path: (t) => `${W(t)}/assessments`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'get assessment',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/1`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'assessment report',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/1/report?format=md`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'compare assessments',
    method: 'GET',
    path: (t) => `${W(t)}/assessments/compare?from=1&to=1`,
    allowed: ALL,
    needs: 'assessment',
  },
  {
    name: 'apply assessment decision rights',
    method: 'POST',
    path: (t) => `${W(t)}/assessments/1/apply-decision-rights?preview=true`,
    body: (t) => ({ version: t.rightsVersion }),
    allowed: FOUNDER,
    needs: 'assessment',
  },
  // The published assessment: publishing speaks for the product function, like the roadmap.
  { name: 'list assessment links', method: 'GET', path: (t) => `${W(t)}/assessment-links`, allowed: ALL },
  {
    name: 'publish assessment link',
    method: 'POST',
    path: (t) => `${W(t)}/assessment-links`,
    body: () => ({ name: 'Website' }),
    allowed: ROADMAP,
  },
  {
    name: 'revoke assessment link',
    method: 'DELETE',
    path: (t) => `${W(t)}/assessment-links/${t.linkId}`,
    allowed: ROADMAP,
    needs: 'assessment-link',
  },
  { name: 'list assessment leads', method: 'GET', path: (t) => `${W(t)}/assessment-leads`, allowed: ALL },
  {
    name: 'delete assessment lead',
    method: 'DELETE',
    path: (t) => `${W(t)}/assessment-leads/${t.leadId}`,
    allowed: ROADMAP,
    needs: 'assessment-lead',
  },
];
