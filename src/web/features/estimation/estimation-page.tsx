import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import type { CalibrationProfileView } from '../../../contract';
import { ErrorState, Loading } from '../../components/states';
import { PrioritizeTabs } from '../prioritization/prioritize-tabs';
import { useWorkspace } from '../workspaces/workspace-context';
import {
  describeBias,
  describeFitVerdict,
  describeRefusal,
  describeStatistic,
  formatRatio,
} from './calibration-format';
import { type CalibrationGrouping, useCalibration } from './estimation-api';
import { ScaleEditor } from './scale-editor';
import { EstimationTabs } from './session-tabs';
import '../prioritization/prioritization.css';

// recharts comes with the chart, only when there is a drift to draw.
const DriftChart = lazy(() => import('./drift-chart').then((m) => ({ default: m.DriftChart })));

const GROUPINGS: { value: CalibrationGrouping; label: string }[] = [
  { value: 'workspace', label: 'Whole workspace' },
  { value: 'estimator', label: 'Per estimator' },
  { value: 'type', label: 'Per item type' },
];

/** One group's calibration: the bias, the spread and how often stated ranges held. */
function ProfileCard({ profile, title }: { profile: CalibrationProfileView; title: string }) {
  return (
    <section className="card-section calib-card" aria-label={title} data-testid="calibration-profile">
      <h3>{title}</h3>
      {!profile.ok ? (
        <p className="refusal" data-testid="calibration-refusal">
          {describeRefusal(profile)}
        </p>
      ) : (
        <>
          <dl className="stat-row">
            <div>
              <dt>Median actual ÷ estimate (observed)</dt>
              <dd>{formatRatio(profile.median)}</dd>
            </div>
            <div>
              <dt>P80 (observed)</dt>
              <dd>{describeStatistic(profile.p80)}</dd>
            </div>
            <div>
              <dt>P90 (observed)</dt>
              <dd>{describeStatistic(profile.p90)}</dd>
            </div>
          </dl>
          <p className="small">
            Typical work {describeBias(profile.median)} (the middle of {profile.count} completed items).
            {profile.p90.ok
              ? ` 9 in 10 items finish within ${formatRatio(profile.p90.value)} the estimate.`
              : ` P90 ${profile.p90.reason}.`}
          </p>
          <p className="muted small" data-testid="fit-verdict">
            {describeFitVerdict(profile)}
          </p>
          {profile.hitRates.map((h) => (
            <p
              key={`${h.statedConfidence}-${h.confidenceStated}`}
              className="hit-rate"
              data-testid="hit-rate"
            >
              {h.rate.ok ? (
                <>
                  <strong>Three-point ranges:</strong> {h.message}
                  {h.confidenceStated &&
                    h.rate.value < h.statedConfidence - 0.1 &&
                    ' — wider ranges would be more honest.'}
                </>
              ) : (
                <span className="refusal">
                  Range hit rate needs {h.rate.needed} ranges, has {h.rate.have}.
                </span>
              )}
            </p>
          ))}
          {profile.singleValues && (
            <p className="hit-rate" data-testid="single-value-hits">
              <strong>Single values:</strong> {profile.singleValues.message}.
            </p>
          )}
          {profile.hitRates.length === 0 && (
            <p className="muted small">No three-point ranges among these items, so no range hit rate.</p>
          )}
          {profile.skipped.length > 0 && (
            <p className="muted small">
              {profile.skipped.length} items left out (no estimate or no actual effort).
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** /w/:slug/estimation : how estimates compare with actual effort, honestly. */
export function EstimationPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const by: CalibrationGrouping = GROUPINGS.find((g) => g.value === params.get('by'))?.value ?? 'workspace';
  const report = useCalibration(workspace.id, by);

  return (
    <div className="page page-estimation">
      <header className="page-header prio-header">
        <div>
          <h1>Estimation accuracy</h1>
          <PrioritizeTabs current="accuracy" />
        </div>
      </header>
      <EstimationTabs current="accuracy" />
      <div className="toolbar">
        <fieldset className="segmented" aria-label="Group by">
          {GROUPINGS.map((g) => (
            <label key={g.value} className={by === g.value ? 'is-active' : undefined}>
              <input
                type="radio"
                name="calibration-by"
                value={g.value}
                checked={by === g.value}
                onChange={() => setParams(g.value === 'workspace' ? {} : { by: g.value }, { replace: true })}
              />
              {g.label}
            </label>
          ))}
        </fieldset>
      </div>
      {report.isPending ? (
        <Loading label="Comparing estimates with actual effort" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <p className="muted">
            From {report.data.completedItems} completed items with an estimate and an actual effort, comparing
            the actual days with the likely estimate. Nothing below is computed from fewer items than it
            needs.
          </p>
          <ProfileCard profile={report.data.overall} title="Whole workspace" />
          {report.data.groups.length > 0 && (
            <div className="calib-cards">
              {report.data.groups.map((g) => (
                <ProfileCard key={g.group.key ?? g.group.name} profile={g} title={g.group.name} />
              ))}
            </div>
          )}
          {by !== 'workspace' && report.data.groups.length === 0 && (
            <p className="muted">
              No {by === 'estimator' ? 'estimator' : 'item type'} has completed items yet.
            </p>
          )}
          <section className="card-section" aria-labelledby="drift-heading">
            <h2 id="drift-heading">Drift over time</h2>
            {report.data.drift.trend.ok ? (
              <p data-testid="drift-trend">{capitalize(report.data.drift.trend.message)}.</p>
            ) : (
              <p className="refusal" data-testid="drift-refusal">
                No trend yet: it needs {report.data.drift.trend.needed} periods with enough items, there are{' '}
                {report.data.drift.trend.have}. {report.data.drift.trend.reason}
              </p>
            )}
            {report.data.drift.periods.length > 0 ? (
              <Suspense fallback={<Loading label="Drawing the chart" />}>
                <DriftChart drift={report.data.drift} />
              </Suspense>
            ) : (
              <p className="muted">No completed items to place in time yet.</p>
            )}
          </section>
        </>
      )}
      <ScaleEditor />
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
