import { type FormEvent, useEffect, useState } from 'react';
import type { EstimationScale } from '../../../contract';
import { isOneOf } from '../../../domain/shared';
import { describeError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { useEstimationScale, useSaveEstimationScale } from './scale-api';
import { insertScaleSize, parseScaleDraft, SCALE_SIZES, type ScaleDraftRow } from './scale-format';
import './scale.css';

function toRows(scale: EstimationScale): ScaleDraftRow[] {
  return scale.sizes.flatMap((s) =>
    isOneOf(SCALE_SIZES, s.size)
      ? [{ size: s.size, min: String(s.min), max: String(s.max), mustSplit: s.mustSplit }]
      : [],
  );
}

/** The workspace's t-shirt ranges in days, editable by holders of the estimates decision. */
export function ScaleEditor() {
  const { workspace } = useWorkspace();
  const gate = useGate('estimates');
  const scale = useEstimationScale(workspace.id);
  const save = useSaveEstimationScale(workspace.id);
  const [rows, setRows] = useState<ScaleDraftRow[]>([]);
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (scale.data) setRows(toRows(scale.data));
  }, [scale.data]);

  const reason = gate.allowed ? null : gate.reason;
  const locked = reason !== null;
  const missing = SCALE_SIZES.filter((size) => !rows.some((r) => r.size === size));
  const change = (index: number, patch: Partial<ScaleDraftRow>) => {
    setSaved(false);
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseScaleDraft(rows);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    save.mutate(
      { sizes: parsed.sizes, ...(rationale.trim() ? { rationale: rationale.trim() } : {}) },
      {
        onSuccess: () => {
          setRationale('');
          setSaved(true);
        },
      },
    );
  };

  return (
    <section className="card-section scale-editor" aria-labelledby="scale-heading">
      <div className="scale-heading">
        <h2 id="scale-heading">T-shirt sizes</h2>
        {scale.data?.isDefault && <span className="badge badge-muted">Default ranges</span>}
      </div>
      <p className="muted small">
        Size votes and accepted sizes become three-point estimates in working days: the low end, the geometric
        middle as most likely, and the high end. Each size must not be smaller than the one before.
      </p>
      {reason && (
        <p className="notice small" role="note" data-testid="scale-refusal">
          {reason}.
        </p>
      )}
      {scale.isPending ? (
        <Loading label="Loading the t-shirt ranges" />
      ) : scale.isError ? (
        <ErrorState error={scale.error} onRetry={() => void scale.refetch()} />
      ) : (
        <form onSubmit={submit}>
          <fieldset className="scale-fields" disabled={locked} aria-label="T-shirt ranges">
            <div className="table-wrap">
              <table className="table scale-table">
                <thead>
                  <tr>
                    <th scope="col">Size</th>
                    <th scope="col">Min days</th>
                    <th scope="col">Max days</th>
                    <th scope="col">Must split</th>
                    <th scope="col">
                      <span className="sr-only">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={row.size} data-testid="scale-row">
                      <th scope="row">{row.size}</th>
                      <td>
                        <input
                          type="number"
                          min={0}
                          step="any"
                          inputMode="decimal"
                          aria-label={`${row.size} min days`}
                          value={row.min}
                          onChange={(e) => change(index, { min: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="number"
                          min={0}
                          step="any"
                          inputMode="decimal"
                          aria-label={`${row.size} max days`}
                          value={row.max}
                          onChange={(e) => change(index, { max: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`${row.size} must be split`}
                          checked={row.mustSplit}
                          onChange={(e) => change(index, { mustSplit: e.target.checked })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-ghost"
                          aria-label={`Remove size ${row.size}`}
                          disabled={rows.length === 1}
                          onClick={() => {
                            setSaved(false);
                            setRows((current) => current.filter((r) => r.size !== row.size));
                          }}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="scale-actions">
              {missing.length > 0 && (
                <label className="field">
                  <span>Add a size</span>
                  <select
                    value=""
                    onChange={(e) => {
                      const size = SCALE_SIZES.find((s) => s === e.target.value);
                      if (size) {
                        setSaved(false);
                        setRows((current) => insertScaleSize(current, size));
                      }
                    }}
                  >
                    <option value="">Choose…</option>
                    {missing.map((size) => (
                      <option key={size} value={size}>
                        {size}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="field grow">
                <span>Why (goes to the decision log)</span>
                <input
                  value={rationale}
                  maxLength={2000}
                  onChange={(e) => setRationale(e.target.value)}
                  placeholder="Our items run smaller than the default assumes"
                />
              </label>
              <button
                type="submit"
                className="button button-primary"
                disabled={locked || save.isPending}
                title={reason ?? undefined}
              >
                {save.isPending ? 'Saving…' : 'Save ranges'}
              </button>
            </div>
          </fieldset>
          {problem && (
            <p className="form-error" role="alert">
              {problem}.
            </p>
          )}
          {save.isError && (
            <p className="form-error" role="alert">
              {describeError(save.error)}
            </p>
          )}
          {saved && !save.isPending && (
            <p className="muted small" role="status">
              Saved: sessions now convert sizes with these ranges.
            </p>
          )}
        </form>
      )}
    </section>
  );
}
