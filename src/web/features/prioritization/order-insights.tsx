import type { RankSensitivityReport } from '../../../contract';
import { ErrorState, Loading } from '../../components/states';
import { describeScoreKey, formatNumber } from './frameworks';
import { SENSITIVITY_TOP, useComparison, useSensitivity } from './prioritization-api';
import { describeIntervalChange } from './sensitivity-text';

/** A correlation as words, so a number like 0.33 means something. */
function describeCorrelation(rho: number | null): string {
  if (rho === null) return 'not enough items in common to compare';
  const a = Math.abs(rho);
  const strength =
    a >= 0.8 ? 'very close' : a >= 0.5 ? 'broadly similar' : a >= 0.2 ? 'loosely related' : 'unrelated';
  return rho < -0.2 ? 'largely reversed' : strength;
}

/** The computed order against the manual one: rank correlation and the items that move most. */
export function ManualComparison({ ws, framework }: { ws: string; framework: string }) {
  const compare = useComparison(ws, 'manual', framework);
  return (
    <section className="card-section" aria-labelledby="compare-heading" data-testid="comparison">
      <h2 id="compare-heading">Against the manual order</h2>
      {compare.isPending ? (
        <Loading label="Comparing" />
      ) : compare.isError ? (
        <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />
      ) : (
        <>
          <dl className="stat-row">
            <div>
              <dt>Spearman ρ</dt>
              <dd>{compare.data.spearman === null ? '—' : compare.data.spearman.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Kendall τ</dt>
              <dd>{compare.data.kendall === null ? '—' : compare.data.kendall.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Items in both</dt>
              <dd>{compare.data.common}</dd>
            </div>
          </dl>
          <p className="muted small">
            {compare.data.b.name} and the manual order are {describeCorrelation(compare.data.spearman)}
            {compare.data.onlyInA.length > 0 && `; ${compare.data.onlyInA.length} manual items have no score`}
            .
          </p>
          {compare.data.movers.length > 0 ? (
            <>
              <h3>Biggest moves</h3>
              <ol className="plain-list movers">
                {compare.data.movers.map((m) => (
                  <li key={m.itemId}>
                    <span className={m.shift < 0 ? 'shift shift-up' : 'shift shift-down'}>
                      {m.shift < 0 ? `▲ ${-m.shift}` : `▼ ${m.shift}`}
                    </span>{' '}
                    <span className="muted">#{m.number}</span> {m.title}{' '}
                    <span className="muted">
                      {m.rankA} → {m.rankB}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="muted">Nothing moves: the orders agree.</p>
          )}
        </>
      )}
    </section>
  );
}

/** How many places the Prioritize page counts as the top. */
const TOP = SENSITIVITY_TOP;

/** One change of the top: a step of an input's scale, or a score from evidence at an end of its interval. */
function SensitivityLine({ change: c }: { change: RankSensitivityReport['changes'][number] }) {
  const moves = `(${c.rankBefore} → ${c.rankAfter})`;
  const interval = describeIntervalChange(c, TOP);
  if (interval) {
    return (
      <li data-testid="sensitivity-interval">
        <span className="muted">#{c.number}</span> {c.title}: {interval}{' '}
        <span className={`effect effect-${c.effect}`}>{moves}</span>
      </li>
    );
  }
  return (
    <li>
      <span className="muted">#{c.number}</span> {c.title}: {describeScoreKey(c.scoreKey)}{' '}
      {formatNumber(c.from)} → {formatNumber(c.to)}{' '}
      <span className={`effect effect-${c.effect}`}>
        {c.effect === 'enters-top'
          ? `enters the top ${TOP} ${moves}`
          : c.effect === 'leaves-top'
            ? `leaves the top ${TOP} ${moves}`
            : `reorders the top ${TOP} ${moves}`}
      </span>
    </li>
  );
}

/**
 * Which inputs, moved one step or (for a score from evidence) to an end of its interval, would
 * change the top 10: where a scoring debate matters.
 */
export function Sensitivity({ ws, framework }: { ws: string; framework: string }) {
  const sensitivity = useSensitivity(ws, framework);
  return (
    <section className="card-section" aria-labelledby="sensitivity-heading" data-testid="sensitivity">
      <h2 id="sensitivity-heading">What would change the top {TOP}</h2>
      {sensitivity.isPending ? (
        <Loading label="Testing one-step changes" />
      ) : sensitivity.isError ? (
        <ErrorState error={sensitivity.error} onRetry={() => void sensitivity.refetch()} />
      ) : sensitivity.data.changes.length === 0 ? (
        <p className="muted">
          {sensitivity.data.top.length === 0
            ? 'Nothing is ranked yet.'
            : `No single input moved one step, nor a score from evidence anywhere in its interval, would change the top ${TOP}: this order is robust.`}
        </p>
      ) : (
        <>
          <p className="muted small">
            Each line is one input moved one step on its scale, or a score from customer evidence at an end of
            its interval. Check these inputs before you apply.
          </p>
          <ul className="plain-list sensitivity-list">
            {sensitivity.data.changes.slice(0, 12).map((c) => (
              <SensitivityLine key={`${c.itemId}-${c.scoreKey}-${c.via}-${c.step}`} change={c} />
            ))}
          </ul>
          {sensitivity.data.changes.length > 12 && (
            <p className="muted small">and {sensitivity.data.changes.length - 12} more.</p>
          )}
        </>
      )}
    </section>
  );
}
