import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApplyEvidenceReach, Idea, Item } from '../../../contract';
import { describeError, requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

function useApplyEvidenceReach(ws: string, itemId: string) {
  return useMutation({
    mutationFn: (input: ApplyEvidenceReach) =>
      requestApi<Item>(`/workspaces/${ws}/ideas/${itemId}/reach-score`, { method: 'POST', body: input }),
    // The item's scores change: the ranking, the item and everything around it, and the ideas.
    meta: { invalidates: [...invalidates.itemChanged(ws), keys.items(ws)] },
  });
}

/**
 * Uses an idea's reach from evidence as its RICE reach: the share of accounts heard that asked,
 * times the accounts in the segment the person gives; the ranking then says "from evidence".
 */
export function EvidenceReachForm({ ws, idea }: { ws: string; idea: Idea }) {
  const [population, setPopulation] = useState('');
  const apply = useApplyEvidenceReach(ws, idea.itemId);
  const accounts = Number(population);
  const valid = Number.isInteger(accounts) && accounts >= 1;
  return (
    <details className="idea-reach-form">
      <summary>Use as RICE reach</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) apply.mutate({ version: idea.version, population: accounts });
        }}
      >
        <label>
          Accounts in the segment
          <input
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={population}
            onChange={(e) => {
              apply.reset();
              setPopulation(e.target.value);
            }}
          />
        </label>
        <button type="submit" className="button" disabled={!valid || apply.isPending}>
          Set RICE reach
        </button>
      </form>
      {apply.isError && (
        <p className="form-error" role="alert">
          {describeError(apply.error)}
        </p>
      )}
      {apply.data && (
        <p className="muted" role="status">
          RICE reach set to {apply.data.scores.rice_reach} from the evidence ({idea.reach.asked} of{' '}
          {idea.reach.heard} accounts heard asked).
        </p>
      )}
    </details>
  );
}
