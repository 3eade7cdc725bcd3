import { formatShortDate } from './dates';
import type { Roadmap, RoadmapItem } from './roadmap-api';

const COLUMNS = [
  { key: 'now', title: 'Now', hint: 'Under way or starting within two weeks' },
  { key: 'next', title: 'Next', hint: 'Starting within eight weeks' },
  { key: 'later', title: 'Later', hint: 'Starting after that' },
] as const;

/** The plan as three columns of cards: now, next and later, each in plan order. */
export function NowNextLater({ roadmap, onOpen }: { roadmap: Roadmap; onOpen: (itemId: string) => void }) {
  const byId = new Map(roadmap.items.map((i) => [i.itemId, i] as const));
  const initiatives = new Map(roadmap.milestones.map((m) => [m.id, m.title] as const));
  return (
    <div className="nnl" data-testid="now-next-later">
      {COLUMNS.map((column) => {
        const items = roadmap.buckets[column.key]
          .map((id) => byId.get(id))
          .filter((i): i is RoadmapItem => i !== undefined);
        const headingId = `nnl-${column.key}`;
        return (
          <section key={column.key} className="nnl-column" aria-labelledby={headingId}>
            <h2 id={headingId} className="nnl-head">
              <span>{column.title}</span>
              <span className="badge badge-muted">
                {items.length}
                <span className="sr-only"> items</span>
              </span>
            </h2>
            <p className="muted small nnl-hint">{column.hint}</p>
            {items.length === 0 ? (
              <p className="muted small">Nothing planned here.</p>
            ) : (
              <ul className="nnl-cards">
                {items.map((item) => (
                  <li key={item.itemId} className={`nnl-card${item.critical ? ' is-critical' : ''}`}>
                    <button type="button" className="nnl-card-title" onClick={() => onOpen(item.itemId)}>
                      <span className="muted">#{item.number}</span> {item.title}
                    </button>
                    <span className="muted small">
                      {item.personName ?? 'Nobody'} · {formatShortDate(item.start)} →{' '}
                      {formatShortDate(item.finish)}
                    </span>
                    <span className="nnl-tags">
                      {item.milestoneId && initiatives.has(item.milestoneId) && (
                        <span className="tag">{initiatives.get(item.milestoneId)}</span>
                      )}
                      {item.critical && <span className="tag tag-critical">Critical chain</span>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
