import { type FormEvent, useState } from 'react';
import type { ScoringFormula } from '../../../contract';
import { describeError, isApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useGate } from '../workspaces/workspace-context';
import { useDeleteFormula, useFormulas, useSaveFormula } from './prioritization-api';

interface FormulaProblem {
  message: string;
  column: number | null;
  token: string | null;
}

/** Reads the column and token a 400 points at, when the server gave them. */
function readProblem(error: unknown): FormulaProblem {
  const message = describeError(error);
  if (!isApiError(error, 'validation_failed')) return { message, column: null, token: null };
  const details = error.details as { column?: unknown; token?: unknown } | undefined;
  return {
    message,
    column: typeof details?.column === 'number' ? details.column : null,
    token: typeof details?.token === 'string' ? details.token : null,
  };
}

/** The expression with the bad token marked, and a caret under it. */
function ExpressionError({ expression, problem }: { expression: string; problem: FormulaProblem }) {
  const column = problem.column;
  if (column === null || column < 1 || column > expression.length + 1) {
    return (
      <p className="form-error" role="alert">
        {problem.message}
      </p>
    );
  }
  const start = column - 1;
  const length = Math.max(1, problem.token?.length ?? 1);
  return (
    <div className="form-error formula-error" role="alert" data-testid="formula-error">
      <p>{problem.message}</p>
      <pre aria-hidden="true">
        {expression.slice(0, start)}
        <mark>{expression.slice(start, start + length) || ' '}</mark>
        {expression.slice(start + length)}
        {'\n'}
        {' '.repeat(start)}
        {'^'.repeat(length)}
      </pre>
    </div>
  );
}

function FormulaForm(props: { ws: string; formula?: ScoringFormula; onDone: (f?: ScoringFormula) => void }) {
  const save = useSaveFormula(props.ws);
  const [name, setName] = useState(props.formula?.name ?? '');
  const [expression, setExpression] = useState(props.formula?.expression ?? '');
  const [tried, setTried] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(expression);
    save.mutate(
      { id: props.formula?.id, version: props.formula?.version, name, expression },
      { onSuccess: (formula) => props.onDone(formula) },
    );
  };
  return (
    <form className="form formula-form" onSubmit={submit}>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
      </label>
      <label className="field">
        <span>Expression</span>
        <textarea
          className="mono"
          rows={2}
          value={expression}
          onChange={(e) => setExpression(e.target.value)}
          placeholder="e.g. (wsjf_value + wsjf_time_criticality) * 2 / max(rice_effort, 0.5)"
          spellCheck={false}
          required
        />
      </label>
      <p className="muted small">
        Numbers, score fields (rice_reach, wsjf_value, value_score…), + − × ÷, min, max, log, and if(cond, a,
        b).
      </p>
      {save.isError && <ExpressionError expression={tried} problem={readProblem(save.error)} />}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={() => props.onDone()}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {props.formula ? 'Save formula' : 'Add formula'}
        </button>
      </div>
    </form>
  );
}

/** The workspace's custom formulas: list, add, edit, remove (the prioritization_method decision). */
export function FormulasPanel(props: { ws: string; selected: string; onSelect: (ref: string) => void }) {
  const formulas = useFormulas(props.ws);
  const remove = useDeleteFormula(props.ws);
  const gate = useGate('prioritization_method');
  const { notify } = useToast();
  const [editing, setEditing] = useState<ScoringFormula | 'new' | null>(null);

  return (
    <section className="card-section" aria-labelledby="formulas-heading" data-testid="formulas">
      <div className="section-head">
        <h2 id="formulas-heading">Custom formulas</h2>
        <button
          type="button"
          className="button"
          disabled={!gate.allowed || editing !== null}
          title={gate.reason ?? undefined}
          onClick={() => setEditing('new')}
        >
          New formula
        </button>
      </div>
      {!gate.allowed && (
        <p className="notice small" role="note">
          {gate.reason}.
        </p>
      )}
      {editing === 'new' && (
        <FormulaForm
          ws={props.ws}
          onDone={(f) => {
            setEditing(null);
            if (f) {
              notify(`Formula “${f.name}” added`);
              props.onSelect(f.ref);
            }
          }}
        />
      )}
      {formulas.isPending ? (
        <Loading label="Loading formulas" />
      ) : formulas.isError ? (
        <ErrorState error={formulas.error} onRetry={() => void formulas.refetch()} />
      ) : formulas.data.length === 0 ? (
        <p className="muted">
          No custom formula yet. A formula weighs score fields the way this team decides.
        </p>
      ) : (
        <ul className="plain-list formula-list">
          {formulas.data.map((f) =>
            editing !== 'new' && editing?.id === f.id ? (
              <li key={f.id}>
                <FormulaForm ws={props.ws} formula={f} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={f.id} className="formula-row">
                <div>
                  <strong>{f.name}</strong> <code className="mono">{f.expression}</code>
                </div>
                <div className="formula-actions">
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-pressed={props.selected === f.ref}
                    onClick={() => props.onSelect(f.ref)}
                  >
                    Rank by this
                  </button>
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-label={`Edit ${f.name}`}
                    disabled={!gate.allowed}
                    title={gate.reason ?? undefined}
                    onClick={() => setEditing(f)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-label={`Delete ${f.name}`}
                    disabled={!gate.allowed || remove.isPending}
                    title={gate.reason ?? undefined}
                    onClick={() => {
                      if (!window.confirm(`Delete the formula “${f.name}”?`)) return;
                      remove.mutate(f.id, {
                        onSuccess: () => {
                          notify(`Formula “${f.name}” deleted`);
                          if (props.selected === f.ref) props.onSelect('rice');
                        },
                        onError: (error) => notify(describeError(error), 'error'),
                      });
                    }}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}
