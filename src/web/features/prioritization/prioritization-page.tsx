import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useItems } from '../../api/item-hooks';
import { ErrorState, Loading } from '../../components/states';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { ApplyOrder } from './apply-order';
import { FormulasPanel } from './formulas-panel';
import { FRAMEWORK_CHOICES } from './frameworks';
import { ManualComparison, Sensitivity } from './order-insights';
import { useFormulas, useRanking } from './prioritization-api';
import { PrioritizationLog } from './prioritization-log';
import { PrioritizeTabs } from './prioritize-tabs';
import { RankingTable, UnscoredTable } from './ranking-table';
import { useScoreEditor } from './use-score-editor';
import './prioritization.css';

// The chart brings recharts; the item panel brings Markdown: load each when first shown.
const ValueEffortChart = lazy(() =>
  import('./value-effort-chart').then((m) => ({ default: m.ValueEffortChart })),
);
const ItemPanel = lazy(() => import('../item/item-panel').then((m) => ({ default: m.ItemPanel })));

const EMPTY_FILTERS = {};

/** /w/:slug/prioritize : rank the backlog by a framework, score inline, compare, apply. */
export function PrioritizationPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const framework = params.get('framework') ?? 'rice';
  const view = params.get('view') === 'chart' ? 'chart' : 'table';
  const openId = params.get('item');
  const ranking = useRanking(workspace.id, framework);
  const formulas = useFormulas(workspace.id);
  const items = useItems(workspace.id, EMPTY_FILTERS);
  const scoring = useGate('backlog_order');
  const saveScore = useScoreEditor(workspace.id);

  const update = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const open = useCallback((id: string) => update({ item: id }), [update]);

  const scores = useMemo(
    () => new Map((items.data ?? []).map((it) => [it.id, it.scores] as const)),
    [items.data],
  );
  const likelyDays = useMemo(
    () =>
      new Map(
        (items.data ?? []).flatMap((it) => (it.estimate ? [[it.id, it.estimate.likely] as const] : [])),
      ),
    [items.data],
  );

  return (
    <div className="page page-prioritize">
      <header className="page-header prio-header">
        <div>
          <h1>Prioritize</h1>
          <PrioritizeTabs current="ranking" />
        </div>
        {ranking.data && <ApplyOrder ranking={ranking.data} />}
      </header>
      <div className="toolbar prio-toolbar">
        <label className="field-inline">
          <span>Framework</span>
          <select
            aria-label="Framework"
            value={framework}
            onChange={(e) => update({ framework: e.target.value })}
          >
            <optgroup label="Frameworks">
              {FRAMEWORK_CHOICES.map((f) => (
                <option key={f.ref} value={f.ref}>
                  {f.label}
                </option>
              ))}
            </optgroup>
            {(formulas.data?.length ?? 0) > 0 && (
              <optgroup label="Custom formulas">
                {(formulas.data ?? []).map((f) => (
                  <option key={f.id} value={f.ref}>
                    {f.name}
                  </option>
                ))}
              </optgroup>
            )}
            {!FRAMEWORK_CHOICES.some((f) => f.ref === framework) &&
              !formulas.data?.some((f) => f.ref === framework) && (
                <option value={framework}>{framework}</option>
              )}
          </select>
        </label>
        <fieldset className="segmented" aria-label="View">
          {(['table', 'chart'] as const).map((v) => (
            <label key={v} className={view === v ? 'is-active' : undefined}>
              <input
                type="radio"
                name="prio-view"
                value={v}
                checked={view === v}
                onChange={() => update({ view: v === 'table' ? null : v })}
              />
              {v === 'table' ? 'Table' : 'Value vs effort'}
            </label>
          ))}
        </fieldset>
        {ranking.isFetching && !ranking.isPending && (
          <span className="muted small" role="status">
            Recomputing…
          </span>
        )}
      </div>
      {ranking.data && (
        <p className="prio-formula muted">
          <strong>{ranking.data.framework.name}</strong>: {ranking.data.framework.summary} ·{' '}
          <code className="mono">{ranking.data.framework.formula}</code> ·{' '}
          {ranking.data.framework.direction === 'higher-first' ? 'highest first' : 'lowest first'}
        </p>
      )}
      {!scoring.allowed && (
        <p className="notice" role="note" data-testid="scoring-refusal">
          <strong>Scores are not yours to set.</strong> {scoring.reason}.
        </p>
      )}
      {ranking.isPending ? (
        <Loading label="Ranking the backlog" />
      ) : ranking.isError ? (
        <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <>
          {ranking.data.moscowCheck && <MoscowCheck check={ranking.data.moscowCheck} />}
          {view === 'chart' ? (
            <Suspense fallback={<Loading label="Drawing the chart" />}>
              <ValueEffortChart ranking={ranking.data} likelyDays={likelyDays} onOpen={open} />
            </Suspense>
          ) : ranking.data.ranked.length === 0 ? (
            <p className="state state-empty" data-testid="ranking-empty">
              No open item has every {ranking.data.framework.name} input yet. Fill them in below.
            </p>
          ) : (
            <RankingTable
              ranking={ranking.data}
              scores={scores}
              gate={scoring}
              onSave={saveScore}
              onOpen={open}
            />
          )}
          <UnscoredTable
            ranking={ranking.data}
            scores={scores}
            gate={scoring}
            onSave={saveScore}
            onOpen={open}
          />
          <div className="prio-grid">
            <ManualComparison ws={workspace.id} framework={framework} />
            <Sensitivity ws={workspace.id} framework={framework} />
          </div>
        </>
      )}
      <div className="prio-grid">
        <FormulasPanel
          ws={workspace.id}
          selected={framework}
          onSelect={(ref) => update({ framework: ref })}
        />
        <PrioritizationLog ws={workspace.id} />
      </div>
      {openId && (
        <Suspense fallback={null}>
          <ItemPanel itemId={openId} onClose={() => update({ item: null })} onOpen={open} />
        </Suspense>
      )}
    </div>
  );
}

type MoscowCheckData = NonNullable<NonNullable<ReturnType<typeof useRanking>['data']>['moscowCheck']>;

/** DSDM's balance check: Musts at most 60% of the effort in scope. */
function MoscowCheck({ check }: { check: MoscowCheckData }) {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <div className="card-section moscow-check" data-testid="moscow-check">
      <p>
        Effort in scope: Must {pct(check.shares.must)}, Should {pct(check.shares.should)}, Could{' '}
        {pct(check.shares.could)} of {check.inScope.toFixed(0)} days
        {check.withoutEstimate > 0 && ` (${check.withoutEstimate} categorised items have no estimate yet)`}.
      </p>
      {check.findings.length === 0 ? (
        <p className="muted small">
          Musts stay within 60% of the effort: the plan keeps room for contingency.
        </p>
      ) : (
        check.findings.map((f) => (
          <p key={f.code} className={f.severity === 'warning' ? 'notice small' : 'muted small'}>
            {f.message}
          </p>
        ))
      )}
    </div>
  );
}
