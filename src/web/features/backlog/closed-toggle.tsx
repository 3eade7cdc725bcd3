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

/** One click away from the finished work, with a count of what is hidden. */
export function ClosedToggle({ shown, hidden, stateFiltered, onChange }: ClosedToggleProps) {
  if (stateFiltered) return null;
  return (
    <label className="closed-toggle">
      <input type="checkbox" checked={shown} onChange={(e) => onChange(e.target.checked)} />
      Show done and cancelled
      {!shown && hidden > 0 && (
        <span className="muted" data-testid="closed-hidden">
          {' '}
          ({hidden} hidden)
        </span>
      )}
    </label>
  );
}
