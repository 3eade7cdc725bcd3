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
  if (props.problems.length === 0) {
    return (
      <section className="roadmap-section" aria-labelledby="problems-title">
        <h2 id="problems-title">Set aside</h2>
        <p className="muted small">Every open item with an estimate is in the plan.</p>
      </section>
    );
  }
  // Items left out of the plan come first: they change the dates most.
  const order: PlanProblem['kind'][] = [
    'missing-skill',
    'unestimated',
    'cycle',
    'not-planned',
    'waits-on-unplanned',
    'assignee-cannot-take',
  ];
  const sorted = [...props.problems].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return (
    <section className="roadmap-section" aria-labelledby="problems-title" data-testid="problems">
      <h2 id="problems-title">
        Set aside and assumed <span className="badge badge-muted">{props.problems.length}</span>
      </h2>
      <ul className="problems">
        {sorted.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems come as a list without ids
          <li key={i} className={`problem problem-${p.kind}`}>
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
    </section>
  );
}
