import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { IdeaAlertThreshold, IdeaList, SetIdeaAlertThreshold } from '../../../contract';
import { describeError, requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';

/** The chance below which a promised date raises an alert: a roadmap decision, logged. */
export function AlertThresholdForm({ ws, list }: { ws: string; list: IdeaList }) {
  const current = Math.round(list.alertBelow * 100);
  const [percent, setPercent] = useState(String(current));
  const save = useMutation({
    mutationFn: (input: SetIdeaAlertThreshold) =>
      requestApi<IdeaAlertThreshold>(`/workspaces/${ws}/ideas/alert-threshold`, {
        method: 'PUT',
        body: input,
      }),
    meta: { invalidates: [keys.ideas(ws), keys.allDecisions(ws)] },
  });
  return (
    <form
      className="idea-threshold"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ percent: Number(percent), basedOn: list.alertThresholdDecisionId });
      }}
    >
      <label className="field">
        Alert when a promised date is less than (%) likely
        <input
          type="number"
          min={1}
          max={99}
          step={1}
          required
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
        />
      </label>
      <button type="submit" className="button" disabled={save.isPending || Number(percent) === current}>
        Save threshold
      </button>
      {save.isError && (
        <p className="alert alert-error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </form>
  );
}
