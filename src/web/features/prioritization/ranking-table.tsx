import { useState } from 'react';
import type { Ranking } from '../../../contract';
import type { Gate } from '../workspaces/workspace-context';
import { describeScoreKey, findScale, formatNumber, parseScoreInput } from './frameworks';
import { describeScoreInterval, describeScoreSetting } from './score-provenance';

type Input = Ranking['framework']['inputs'][number];
type SaveScore = (itemId: string, scoreKey: string, value: number | string | null) => Promise<boolean>;

interface ScoreInputProps {
  itemId: string;
  number: number;
  input: Input;
  value: number | string | undefined;
  gate: Gate;
  onSave: SaveScore;
}

/** One framework input of one item, edited in place on its standard scale. */
function ScoreInput({ itemId, number, input, value, gate, onSave }: ScoreInputProps) {
  const scale = findScale(input.scoreKey);
  const [error, setError] = useState<string | null>(null);
  const label = `${input.label} of #${number}`;
  const commit = (raw: string) => {
    const parsed = parseScoreInput({ scoreKey: input.scoreKey, raw });
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if ((value ?? null) !== parsed.value) void onSave(itemId, input.scoreKey, parsed.value);
  };
  const title = gate.reason ?? (error ? `${input.label} ${error}` : input.description || undefined);

  if (scale.kind === 'select') {
    const known = value === undefined || scale.options.some((o) => String(o.value) === String(value));
    return (
      <select
        className="score-input"
        aria-label={label}
        value={value === undefined ? '' : String(value)}
        disabled={!gate.allowed}
        title={title}
        onChange={(e) => commit(e.target.value)}
      >
        <option value="">—</option>
        {!known && <option value={String(value)}>{String(value)}</option>}
        {scale.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      // A new stored value resets the field; typing does not fight the server.
      key={String(value)}
      className="score-input score-number"
      type="number"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={error ? true : undefined}
      defaultValue={value === undefined ? '' : String(value)}
      min={Number.isFinite(scale.min) ? scale.min : undefined}
      step="any"
      disabled={!gate.allowed}
      title={title}
      onBlur={(e) => commit(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
    />
  );
}

/**
 * An input's cell: the input, beside it the interval of a score from evidence, and under it who set
 * it and when (the full time, and what evidence it rests on, in its tooltip).
 */
function ScoreCell(
  props: ScoreInputProps & { setting: Ranking['ranked'][number]['provenance'][string] | undefined },
) {
  const { setting, ...input } = props;
  const text = describeScoreSetting(setting);
  const interval = describeScoreInterval(setting);
  return (
    <td title={text?.title}>
      <ScoreInput {...input} />
      {interval && (
        <span className="score-interval muted" data-testid="score-interval">
          {interval}
        </span>
      )}
      {text?.line && (
        <span className="score-set-by muted" data-testid="score-set-by">
          {text.line}
        </span>
      )}
    </td>
  );
}

/** A column head: the input's name, and its unit when it is a free number. */
function InputHeader({ input }: { input: Input }) {
  const scale = findScale(input.scoreKey);
  return (
    <th scope="col" title={input.description || undefined}>
      {input.label}
      {scale.kind === 'number' && scale.unit && <span className="unit muted">{scale.unit}</span>}
    </th>
  );
}

interface TableProps {
  ranking: Ranking;
  scores: ReadonlyMap<string, Readonly<Record<string, number | string>>>;
  gate: Gate;
  onSave: SaveScore;
  onOpen: (itemId: string) => void;
}

function Moved({ rank, manual }: { rank: number; manual: number }) {
  const shift = manual - rank;
  if (shift === 0) return <span className="muted">—</span>;
  return (
    <span className={shift > 0 ? 'shift shift-up' : 'shift shift-down'}>
      {shift > 0 ? `▲ ${shift}` : `▼ ${-shift}`}
      <span className="sr-only">{shift > 0 ? ' places up' : ' places down'} from the manual order</span>
    </span>
  );
}

/** The ranked items: inputs inline and editable, the computed score and rank, the manual place. */
export function RankingTable({ ranking, scores, gate, onSave, onOpen }: TableProps) {
  const { framework } = ranking;
  return (
    <div className="table-wrap">
      <table className="table ranking-table" data-testid="ranking-table">
        <caption className="sr-only">
          Open items ranked by {framework.name},{' '}
          {framework.direction === 'higher-first' ? 'highest' : 'lowest'} score first
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Item</th>
            {framework.inputs.map((input) => (
              <InputHeader key={input.scoreKey} input={input} />
            ))}
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col" className="num">
              Manual
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.ranked.map((entry) => (
            <tr key={entry.itemId} data-testid="ranked-row">
              <td className="num rank-cell">{entry.rank}</td>
              <th scope="row" className="item-cell">
                <button type="button" className="link-button" onClick={() => onOpen(entry.itemId)}>
                  <span className="muted">#{entry.number}</span> {entry.title}
                </button>
              </th>
              {framework.inputs.map((input) => (
                <ScoreCell
                  key={input.scoreKey}
                  itemId={entry.itemId}
                  number={entry.number}
                  input={input}
                  value={scores.get(entry.itemId)?.[input.scoreKey] ?? entry.inputs[input.scoreKey]}
                  setting={entry.provenance[input.scoreKey]}
                  gate={gate}
                  onSave={onSave}
                />
              ))}
              <td className="num score-cell" data-testid="score">
                {formatNumber(entry.score)}
                {entry.label && <span className="score-label"> {entry.label}</span>}
              </td>
              <td className="num">
                <span className="muted">{entry.manualPosition}</span>{' '}
                <Moved rank={entry.rank} manual={entry.manualPosition} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Items the framework cannot score yet, with what each is missing, fillable in place. */
export function UnscoredTable({ ranking, scores, gate, onSave, onOpen }: TableProps) {
  const { framework } = ranking;
  if (ranking.unscored.length === 0) return null;
  const labelOf = (scoreKey: string) =>
    framework.inputs.find((i) => i.scoreKey === scoreKey)?.label ?? describeScoreKey(scoreKey);
  return (
    <section className="card-section" aria-labelledby="unscored-heading">
      <div className="section-head">
        <h2 id="unscored-heading">
          Missing inputs <span className="muted count">{ranking.unscored.length}</span>
        </h2>
        <p className="muted small">
          Not ranked until every {framework.name} input is set; applying the order leaves them where they are.
        </p>
      </div>
      <div className="table-wrap">
        <table className="table ranking-table" data-testid="unscored-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              {framework.inputs.map((input) => (
                <InputHeader key={input.scoreKey} input={input} />
              ))}
              <th scope="col">Missing</th>
            </tr>
          </thead>
          <tbody>
            {ranking.unscored.map((entry) => (
              <tr key={entry.itemId} data-testid="unscored-row">
                <th scope="row" className="item-cell">
                  <button type="button" className="link-button" onClick={() => onOpen(entry.itemId)}>
                    <span className="muted">#{entry.number}</span> {entry.title}
                  </button>
                </th>
                {framework.inputs.map((input) => (
                  <ScoreCell
                    key={input.scoreKey}
                    itemId={entry.itemId}
                    number={entry.number}
                    input={input}
                    value={scores.get(entry.itemId)?.[input.scoreKey]}
                    setting={entry.provenance[input.scoreKey]}
                    gate={gate}
                    onSave={onSave}
                  />
                ))}
                <td className="missing-cell">
                  {entry.problems.length > 0
                    ? entry.problems
                        .map((p) => (p.code === 'missing' ? labelOf(p.field) : p.message))
                        .join(', ')
                    : entry.missing.map(labelOf).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
