import { useCallback } from 'react';
import { useToast } from '../../components/toast';
import type { Gate } from './workspace-context';

/** The reason a control is refused, as visible text under it (naming who decides). */
export function RefusalNote({ gate, id }: { gate: Gate; id?: string }) {
  if (gate.allowed || !gate.reason) return null;
  return (
    <p className="refusal" role="note" id={id} data-testid="refusal">
      {gate.reason}.
    </p>
  );
}

/**
 * A function that says, in a toast, why a control is refused: for controls that stay pressable
 * (aria-disabled) so that trying them explains instead of failing silently.
 */
export function useExplainRefusal(): (gate: Gate, fallback?: string) => void {
  const { notify } = useToast();
  return useCallback(
    (gate: Gate, fallback = 'This is not yours to decide') => notify(gate.reason ?? fallback, 'error'),
    [notify],
  );
}
