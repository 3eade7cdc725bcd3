import { useState } from 'react';
import { type Decision, LETTERS, type Letter, ROLE_LABELS, ROLES } from '../../../domain/decision-rights';
import { isOneOf } from '../../../domain/shared';
import { describeError } from '../../api/client';
import { useDecisionRights, useUpdateDecisionRights } from '../../api/team-hooks';
import type { DecisionRights } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useWorkspace } from '../workspaces/workspace-context';

const LETTER_TITLES: Record<Letter, string> = {
  R: 'Responsible: may make the decision',
  A: 'Accountable: owns the decision (one role per decision)',
  C: 'Consulted',
  I: 'Informed',
};

/** Who decides what: visible to everyone, editable by the founder. */
export function DecisionMatrix() {
  const { workspace } = useWorkspace();
  const rights = useDecisionRights(workspace.id);
  if (rights.isPending) return <Loading label="Loading decision rights" />;
  if (rights.isError) return <ErrorState error={rights.error} onRetry={() => void rights.refetch()} />;
  return (
    <MatrixTable key={rights.data.version} rights={rights.data} editable={workspace.role === 'founder'} />
  );
}

function MatrixTable({ rights, editable }: { rights: DecisionRights; editable: boolean }) {
  const { workspace } = useWorkspace();
  const update = useUpdateDecisionRights(workspace.id);
  const { notify } = useToast();
  const [matrix, setMatrix] = useState(rights.matrix);
  const [rationale, setRationale] = useState('');
  const dirty = JSON.stringify(matrix) !== JSON.stringify(rights.matrix);

  const setCell = (decision: Decision, role: (typeof ROLES)[number], letter: Letter) =>
    setMatrix({ ...matrix, [decision]: { ...matrix[decision], [role]: letter } });

  const submit = () =>
    update.mutate(
      { version: rights.version, matrix, rationale: rationale || undefined },
      { onSuccess: () => notify('Decision rights saved'), onError: (e) => notify(describeError(e), 'error') },
    );

  return (
    <section className="card-section" aria-labelledby="rights-heading">
      <h2 id="rights-heading">Decision rights</h2>
      <p className="muted">
        R may decide, A owns the decision, C is consulted, I is informed.{' '}
        {editable ? 'As the founder you can change the matrix.' : 'Only the founder can change it.'}
      </p>
      <div className="table-wrap">
        <table className="table matrix">
          <thead>
            <tr>
              <th scope="col">Decision</th>
              {ROLES.map((r) => (
                <th key={r} scope="col">
                  {ROLE_LABELS[r]}
                </th>
              ))}
              <th scope="col">Held by</th>
            </tr>
          </thead>
          <tbody>
            {rights.decisions.map((d) => (
              <tr key={d.id} className={rights.mine.includes(d.id) ? 'is-mine' : ''}>
                <th scope="row" title={d.description}>
                  {d.label}
                  {rights.mine.includes(d.id) && <span className="badge badge-muted">yours</span>}
                </th>
                {ROLES.map((r) => {
                  const letter = matrix[d.id][r];
                  const acting =
                    r === 'founder' &&
                    (rights.holders[d.id] ?? []).some((h) => h.interim && h.role === 'founder');
                  return (
                    <td
                      key={r}
                      className={`letter letter-${letter}${acting ? ' is-acting' : ''}`}
                      title={acting ? `Holds it for now, ${d.interimUntil ?? ''}` : undefined}
                    >
                      {editable ? (
                        <select
                          aria-label={`${d.label}: ${ROLE_LABELS[r]}`}
                          value={letter}
                          onChange={(e) =>
                            isOneOf(LETTERS, e.target.value) && setCell(d.id, r, e.target.value)
                          }
                        >
                          {LETTERS.map((l) => (
                            <option key={l} value={l}>
                              {l}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <abbr title={LETTER_TITLES[letter]}>{letter}</abbr>
                      )}
                      {acting && <span className="interim-mark">holds it for now</span>}
                    </td>
                  );
                })}
                <td className="muted small" data-testid={`holders-${d.id}`}>
                  <HeldBy rights={rights} decision={d.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className="inline-form">
          <label className="field grow">
            <span>Why (recorded in the decision log)</span>
            <input value={rationale} onChange={(e) => setRationale(e.target.value)} maxLength={2000} />
          </label>
          <button type="button" className="button" disabled={!dirty} onClick={() => setMatrix(rights.matrix)}>
            Reset
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!dirty || update.isPending}
            onClick={submit}
          >
            Save decision rights
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * Who holds a decision today: names, and for a founder holding it only because nobody on the
 * team does, "for now, until a product manager … joins".
 */
function HeldBy({ rights, decision }: { rights: DecisionRights; decision: Decision }) {
  const holders = rights.holders[decision] ?? [];
  if (holders.length === 0) return <>—</>;
  const until = rights.decisions.find((d) => d.id === decision)?.interimUntil;
  const regular = holders.filter((h) => !h.interim).map((h) => h.name);
  const interim = holders.filter((h) => h.interim).map((h) => h.name);
  return (
    <>
      {regular.join(', ')}
      {interim.length > 0 && (
        <span className="interim-holders">
          {interim.join(', ')} (the founder{interim.length > 1 ? 's' : ''}, for now{until ? `, ${until}` : ''}
          )
        </span>
      )}
    </>
  );
}
