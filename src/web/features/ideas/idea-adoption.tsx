import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  AdoptionUnit,
  Idea,
  IdeaAdoption,
  IdeaTrackRecord,
  RecordIdeaAdoption,
} from '../../../contract';
import { describeError, requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';

const times = (ratio: number | null) =>
  ratio === null ? '—' : `${ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 100) / 100}×`;

/** An optional number field: blank is left out; anything else is sent for the API to judge. */
const optionalNumber = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** What was observed once a done idea shipped, and a form to record it (or correct it). */
export function RecordAdoptionForm({ ws, idea }: { ws: string; idea: Idea }) {
  const recorded = idea.adoption;
  const [open, setOpen] = useState(false);
  const [periodStart, setPeriodStart] = useState(recorded?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(recorded?.periodEnd ?? new Date().toISOString().slice(0, 10));
  const [unit, setUnit] = useState<AdoptionUnit>(recorded?.unit ?? 'accounts');
  const [reach, setReach] = useState(recorded ? String(recorded.reach) : '');
  const [outOf, setOutOf] = useState(recorded?.outOf == null ? '' : String(recorded.outOf));
  const [impact, setImpact] = useState(recorded?.impact == null ? '' : String(recorded.impact));
  const [note, setNote] = useState(recorded?.note ?? '');
  const save = useMutation({
    mutationFn: (input: RecordIdeaAdoption) =>
      requestApi<IdeaAdoption>(`/workspaces/${ws}/ideas/${idea.itemId}/adoption`, {
        method: 'POST',
        body: input,
      }),
    meta: { invalidates: [keys.ideas(ws)] },
  });
  if (idea.state !== 'done') return null;
  const summary = recorded && (
    <div className="idea-adoption muted">
      Adopted by {recorded.reach}
      {recorded.outOf !== null && ` of ${recorded.outOf}`} {recorded.unit} ({recorded.periodStart} to{' '}
      {recorded.periodEnd}){recorded.impact !== null && `, impact ${recorded.impact}`}
      {recorded.recordedBy && ` — ${recorded.recordedBy}`}
    </div>
  );
  if (!open) {
    return (
      <>
        {summary}
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {recorded ? 'Correct adoption' : 'Record adoption'}
        </button>
      </>
    );
  }
  return (
    <form
      className="idea-adoption-form"
      aria-label={`Record adoption of ${idea.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            periodStart,
            periodEnd,
            unit,
            reach: Number(reach),
            outOf: optionalNumber(outOf),
            impact: optionalNumber(impact),
            note: note.trim() === '' ? undefined : note,
            ...(recorded ? { version: recorded.version } : {}),
          },
          { onSuccess: () => setOpen(false) },
        );
      }}
    >
      {summary}
      <div className="idea-adoption-fields">
        <label className="field">
          From
          <input type="date" required value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />
        </label>
        <label className="field">
          To
          <input type="date" required value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />
        </label>
        <label className="field">
          Used by
          <input
            type="number"
            min={0}
            step={1}
            required
            value={reach}
            onChange={(e) => setReach(e.target.value)}
          />
        </label>
        <label className="field">
          Unit
          <select value={unit} onChange={(e) => setUnit(e.target.value as AdoptionUnit)}>
            <option value="accounts">accounts</option>
            <option value="users">users</option>
          </select>
        </label>
        <label className="field">
          Out of (active)
          <input type="number" min={1} step={1} value={outOf} onChange={(e) => setOutOf(e.target.value)} />
        </label>
        <label className="field">
          Impact seen (optional)
          <input
            type="number"
            min={0}
            step="any"
            value={impact}
            onChange={(e) => setImpact(e.target.value)}
          />
        </label>
      </div>
      <label className="field">
        Note
        <textarea value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          Save adoption
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {save.isError && (
        <p className="alert alert-error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </form>
  );
}

/** How the predictions made at acceptance fared against the adoption recorded, per source and estimator. */
export function TrackRecordSection({ record }: { record: IdeaTrackRecord }) {
  return (
    <section className="card idea-track-record" aria-labelledby="idea-track-record-heading">
      <h2 id="idea-track-record-heading">Track record of predictions</h2>
      <p className="muted">
        Reach and impact predicted when ideas were accepted, against the adoption recorded once they shipped:{' '}
        {record.compared} idea{record.compared === 1 ? '' : 's'} compared
        {record.awaitingAdoption > 0 && `, ${record.awaitingAdoption} done and waiting for their adoption`}.
        Under {record.minIdeas} ideas a source or an estimator is too few to tell.
      </p>
      {record.groups.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">By</th>
              <th scope="col">Ideas</th>
              <th scope="col">Observed ÷ predicted (median)</th>
              <th scope="col">Inside the interval</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {record.groups.map((g) => (
              <tr key={`${g.groupBy}/${g.measure}/${g.key}`}>
                <td>
                  {g.groupBy === 'source' ? 'source' : 'estimator'}: {g.key} ({g.measure})
                </td>
                <td>{g.ideas}</td>
                <td>{times(g.medianRatio)}</td>
                <td>{g.withInterval > 0 ? `${g.inside} of ${g.withInterval}` : '—'}</td>
                <td className={g.enough ? undefined : 'muted'}>{g.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
