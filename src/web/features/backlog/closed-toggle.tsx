import type { ItemState } from '../../../contract';
import './closed-toggle.css';

/** Done and cancelled work: the backlog leaves it out until asked. */
export function isClosed(state: ItemState): boolean {
  return state === 'done' || state === 'cancelled';
}

interface ClosedToggleProps {
  shown: boolean;
  hidden: number;
  stateFiltered: boolean;
  onChange: (show: boolean) => void;
}

/**
 * One click away from the finished work, with a count of what is hidden. It reads "Done and
 * cancelled (3)" so the filter bar keeps to one line; a screen reader hears "Show done and
 * cancelled (3 hidden)" from the same label.
 */
export function ClosedToggle({ shown, hidden, stateFiltered, onChange }: ClosedToggleProps) {
  if (stateFiltered) return null;
  const counted = !shown && hidden > 0;
  return (
    <label className="closed-toggle" title={counted ? `${hidden} hidden: done or cancelled` : undefined}>
      <input type="checkbox" checked={shown} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span className="sr-only">Show </span>Done and cancelled
      </span>
      {counted && (
        <span className="muted" data-testid="closed-hidden">
          ({hidden}
          <span className="sr-only"> hidden</span>)
        </span>
      )}
    </label>
  );
}
