import type { PlanProblem } from './roadmap-api';

const KIND_TITLES: Record<PlanProblem['kind'], string> = {
  unestimated: 'No estimate',
  'missing-skill': 'Missing skill',
  cycle: 'Dependency cycle',
  'assignee-cannot-take': 'Assignee lacks a skill',
  'waits-on-unplanned': 'Waits on unplanned work',
  'not-planned': 'Not planned',
};

// Kinds that leave work out of the plan, not just an assumption about it.
const WARN = new Set<PlanProblem['kind']>(['missing-skill', 'unestimated', 'cycle', 'not-planned']);

/** What the plan set aside or had to assume, each with its reason and links to the items. */
export function ProblemsPanel(props: {
  problems: PlanProblem[];
  /** "#12 Title" for every item the page knows. */
  labels: ReadonlyMap<string, string>;
  onOpen: (itemId: string) => void;
}) {
  const setAside = props.problems.filter((p) => WARN.has(p.kind));
  const assumed = props.problems.filter((p) => !WARN.has(p.kind));
  return (
    <section className="roadmap-section" aria-labelledby="problems-title" data-testid="problems">
      <h2 id="problems-title">Set aside and assumed</h2>
      {setAside.length === 0 ? (
        <p className="muted small">Every open item with an estimate is in the plan.</p>
      ) : (
        <ProblemList problems={setAside} labels={props.labels} onOpen={props.onOpen} />
      )}
      {assumed.length > 0 && (
        <details className="problems-assumed">
          <summary>
            {assumed.length} {assumed.length === 1 ? 'assumption' : 'assumptions'} the plan made (assignees
            without the skills, waits on unplanned work)
          </summary>
          <ProblemList problems={assumed} labels={props.labels} onOpen={props.onOpen} />
        </details>
      )}
    </section>
  );
}

function ProblemList(props: {
  problems: PlanProblem[];
  labels: ReadonlyMap<string, string>;
  onOpen: (itemId: string) => void;
}) {
  return (
    <ul className="problems">
      {props.problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems come as a list without ids
        <li key={i} className="problem">
          <span className={`tag${WARN.has(p.kind) ? ' tag-warn' : ''}`}>{KIND_TITLES[p.kind]}</span>
          <span className="problem-message">
            {p.message}
            {p.skills && p.skills.length > 0 && (
              <span className="muted"> (skills: {p.skills.join(', ')})</span>
            )}
          </span>
          <span className="problem-items">
            {p.itemIds.slice(0, 30).map((id) => (
              <button key={id} type="button" className="link-button" onClick={() => props.onOpen(id)}>
                {props.labels.get(id) ?? 'Open item'}
              </button>
            ))}
            {p.itemIds.length > 30 && <span className="muted small">and {p.itemIds.length - 30} more</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
