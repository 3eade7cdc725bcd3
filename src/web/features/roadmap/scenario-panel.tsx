import { type FormEvent, useState } from 'react';
import { readDayNumber } from '../../../domain/shared';
import { describeError } from '../../api/client';
import { describeDayDifference, describeMilestoneDifference, formatShortDate, todayLocal } from './dates';
import type { Roadmap, ScenarioChange, ScenarioResult } from './roadmap-api';
import { useScenario } from './roadmap-api';
import { RoadmapTimeline } from './roadmap-timeline';

type ChangeKind = ScenarioChange['kind'];

const KIND_LABELS: Record<ChangeKind, string> = {
  add_person: 'Add a person',
  remove_person: 'Remove a person',
  move_item: 'Move an item to the top',
  cut_item: 'Cut an item',
  set_estimate: 'Change an estimate',
};
const isChangeKind = (value: string): value is ChangeKind => Object.hasOwn(KIND_LABELS, value);
const CHANGE_KINDS = Object.keys(KIND_LABELS).filter(isChangeKind);

export interface ItemOption {
  id: string;
  label: string;
}

interface ScenarioPanelProps {
  workspaceId: string;
  roadmap: Roadmap;
  /** Items a change may name: planned ones first, then the rest of the open backlog. */
  itemOptions: ItemOption[];
  onOpen: (itemId: string) => void;
}

/** Describes a change the way the list of pending changes shows it. */
function describeChange(change: ScenarioChange, names: ReadonlyMap<string, string>): string {
  switch (change.kind) {
    case 'add_person':
      return `Add ${change.name} (${change.fte} FTE${change.skills.length ? `, ${change.skills.join(', ')}` : ''})`;
    case 'remove_person':
      return `Remove ${names.get(change.userId) ?? 'a person'}`;
    case 'move_item':
      return `Move ${names.get(change.itemId) ?? 'an item'} to the top`;
    case 'cut_item':
      return `Cut ${names.get(change.itemId) ?? 'an item'}`;
    case 'set_estimate':
      return `Estimate ${names.get(change.itemId) ?? 'an item'} at ${change.optimistic} / ${change.likely} / ${change.pessimistic} days`;
  }
}

/**
 * What-if planning: collect changes (add or remove a person, move or cut an item, change an
 * estimate), compute, and see the baseline and the scenario side by side per milestone.
 */
export function ScenarioPanel({ workspaceId, roadmap, itemOptions, onOpen }: ScenarioPanelProps) {
  const scenario = useScenario(workspaceId);
  const [changes, setChanges] = useState<ScenarioChange[]>([]);
  const [kind, setKind] = useState<ChangeKind>('add_person');
  const [formError, setFormError] = useState<string | null>(null);
  const people = roadmap.people.filter((p) => !p.hypothetical);
  const names = new Map<string, string>([
    ...people.map((p) => [p.id, p.name] as const),
    ...itemOptions.map((o) => [o.id, o.label] as const),
  ]);
  const skills = [...new Set(roadmap.people.flatMap((p) => p.skills))].sort();

  const addChange = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const num = (key: string) => Number(text(key));
    let change: ScenarioChange | null = null;
    if (kind === 'add_person') {
      const fte = num('fte');
      if (!text('name')) return setFormError('Give the person a name');
      if (!(fte > 0 && fte <= 1)) return setFormError('FTE is a number above 0 and at most 1');
      const list = text('skills')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      change = { kind, name: text('name'), fte, skills: [...new Set(list)] };
    } else if (kind === 'remove_person') {
      change = { kind, userId: text('person') };
    } else if (kind === 'move_item') {
      change = { kind, itemId: text('item'), afterId: null };
    } else if (kind === 'cut_item') {
      change = { kind, itemId: text('item') };
    } else {
      const [o, l, p] = [num('optimistic'), num('likely'), num('pessimistic')];
      if (![o, l, p].every((v) => Number.isFinite(v) && v >= 0))
        return setFormError('Estimates are days, 0 or more');
      if (!(o <= l && l <= p)) return setFormError('Optimistic ≤ likely ≤ pessimistic');
      change = { kind, itemId: text('item'), optimistic: o, likely: l, pessimistic: p };
    }
    if ('itemId' in change && !change.itemId) return setFormError('Choose an item');
    setFormError(null);
    setChanges((list) => [...list, change]);
    event.currentTarget.reset();
  };

  const itemSelect = (
    <label className="field grow">
      <span>Item</span>
      <select name="item" required defaultValue="">
        <option value="" disabled>
          Choose an item…
        </option>
        {itemOptions.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="scenario">
      <section className="scenario-builder" aria-labelledby="scenario-title">
        <h2 id="scenario-title">What if…</h2>
        <p className="muted small">
          Try changes to the team or the work and compare the dates. Nothing is saved; anyone in the workspace
          can try.
        </p>
        <form className="scenario-form" onSubmit={addChange}>
          <label className="field">
            <span>Change</span>
            <select value={kind} onChange={(e) => isChangeKind(e.target.value) && setKind(e.target.value)}>
              {CHANGE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'add_person' && (
            <div className="inline-fields">
              <label className="field grow">
                <span>Name</span>
                <input name="name" placeholder="New developer" maxLength={100} />
              </label>
              <label className="field">
                <span>FTE</span>
                <input name="fte" type="number" min={0.1} max={1} step={0.1} defaultValue={1} />
              </label>
              <label className="field grow">
                <span>Skills</span>
                <input name="skills" placeholder="backend, data" list="scenario-skills" />
                <datalist id="scenario-skills">
                  {skills.map((s) => (
                    <option key={s} value={s} />
                  ))}
                </datalist>
              </label>
            </div>
          )}
          {kind === 'remove_person' && (
            <label className="field">
              <span>Person</span>
              <select name="person" required>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.fte} FTE{p.skills.length ? `, ${p.skills.join(', ')}` : ''})
                  </option>
                ))}
              </select>
            </label>
          )}
          {(kind === 'move_item' || kind === 'cut_item') && itemSelect}
          {kind === 'set_estimate' && (
            <>
              {itemSelect}
              <div className="inline-fields">
                {(['optimistic', 'likely', 'pessimistic'] as const).map((k) => (
                  <label key={k} className="field">
                    <span>{k[0]?.toUpperCase() + k.slice(1)} (days)</span>
                    <input name={k} type="number" min={0} step={0.5} required />
                  </label>
                ))}
              </div>
            </>
          )}
          {formError && (
            <p className="form-error" role="alert">
              {formError}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button">
              Add change
            </button>
          </div>
        </form>
        <h3 className="scenario-subtitle">Changes in this scenario</h3>
        {changes.length === 0 ? (
          <p className="muted small">No changes yet.</p>
        ) : (
          <ol className="scenario-changes" aria-label="Changes in this scenario">
            {changes.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list has no other identity and only grows or shrinks by removal
              <li key={i}>
                <span className="scenario-change-text">{describeChange(c, names)}</span>
                <button
                  type="button"
                  className="button button-ghost"
                  aria-label={`Remove change: ${describeChange(c, names)}`}
                  onClick={() => setChanges((list) => list.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={changes.length === 0 || scenario.isPending}
            onClick={() => scenario.mutate(changes)}
          >
            {scenario.isPending ? 'Computing…' : 'Compute scenario'}
          </button>
          {changes.length > 0 && (
            <button type="button" className="button button-ghost" onClick={() => setChanges([])}>
              Clear
            </button>
          )}
        </div>
        {scenario.isError && (
          <p className="form-error" role="alert">
            {describeError(scenario.error)}
          </p>
        )}
      </section>
      <section className="scenario-result" aria-labelledby="scenario-result-title" aria-live="polite">
        <h2 id="scenario-result-title">Baseline and scenario</h2>
        {scenario.data ? (
          <ScenarioComparison result={scenario.data} onOpen={onOpen} />
        ) : (
          <p className="muted">Add one or more changes and compute to see the dates move.</p>
        )}
      </section>
    </div>
  );
}

function DifferenceCell(props: { baseline: string | null; scenario: string | null; days: number | null }) {
  const { days } = props;
  const cls = days === null || days === 0 ? 'diff-same' : days < 0 ? 'diff-earlier' : 'diff-later';
  return (
    <td className={cls} data-testid="scenario-difference">
      {days !== null && days !== 0 && (days < 0 ? '▼ ' : '▲ ')}
      {describeMilestoneDifference({ ...props, differenceDays: days })}
    </td>
  );
}

/** The result of a scenario: milestones and plan end side by side, then either timeline. */
function ScenarioComparison({
  result,
  onOpen,
}: {
  result: ScenarioResult;
  onOpen: (itemId: string) => void;
}) {
  const [shown, setShown] = useState<'scenario' | 'baseline'>('scenario');
  const { baseline, scenario } = result;
  const all: (string | null)[] = [
    baseline.startDate,
    baseline.endDate,
    scenario.endDate,
    ...result.milestones.flatMap((m) => [m.baseline, m.scenario, m.targetDate]),
  ];
  const dates = all.filter((d): d is string => Boolean(d)).map(readDayNumber);
  const lo = Math.min(...dates);
  const hi = Math.max(...dates) + 1;
  const at = (date: string) => ((readDayNumber(date) + 1 - lo) / (hi - lo)) * 100;
  const moved = scenario.items
    .map((item) => {
      const before = baseline.items.find((b) => b.itemId === item.itemId);
      return { item, days: before ? readDayNumber(item.finish) - readDayNumber(before.finish) : null };
    })
    .filter((m) => m.days !== 0)
    .sort((a, b) => (a.days ?? 0) - (b.days ?? 0));

  return (
    <>
      <p className="scenario-applied muted small">
        Changes: {result.changes.map((c) => c.description).join('; ')}
      </p>
      <div className="table-scroll">
        <table className="scenario-table">
          <caption className="sr-only">Milestone dates in the baseline and in the scenario</caption>
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Target</th>
              <th scope="col">Baseline</th>
              <th scope="col">Scenario</th>
              <th scope="col">Difference</th>
              <th scope="col" className="scenario-bar-col">
                <span className="sr-only">Dates on a line</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.milestones.map((m) => (
              <tr key={m.milestoneId} data-testid="scenario-milestone">
                <th scope="row">{m.title}</th>
                <td>{m.targetDate ? formatShortDate(m.targetDate) : '—'}</td>
                <td>{m.baseline ? formatShortDate(m.baseline) : 'not planned'}</td>
                <td>{m.scenario ? formatShortDate(m.scenario) : 'not planned'}</td>
                <DifferenceCell baseline={m.baseline} scenario={m.scenario} days={m.differenceDays} />
                <td className="scenario-bar-col" aria-hidden="true">
                  <span className="dumbbell">
                    {m.targetDate && (
                      <span className="dumbbell-target" style={{ left: `${at(m.targetDate)}%` }} />
                    )}
                    {m.baseline && <span className="dumbbell-base" style={{ left: `${at(m.baseline)}%` }} />}
                    {m.scenario && (
                      <span
                        className={`dumbbell-scenario${(m.differenceDays ?? 0) < 0 ? ' is-earlier' : (m.differenceDays ?? 0) > 0 ? ' is-later' : ''}`}
                        style={{ left: `${at(m.scenario)}%` }}
                      />
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="scenario-end">
              <th scope="row">Plan end</th>
              <td>—</td>
              <td>{formatShortDate(baseline.endDate)}</td>
              <td>{formatShortDate(scenario.endDate)}</td>
              <DifferenceCell
                baseline={baseline.endDate}
                scenario={scenario.endDate}
                days={result.endDifferenceDays}
              />
              <td className="scenario-bar-col" aria-hidden="true" />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted small legend">
        <span className="dumbbell-key base" /> baseline <span className="dumbbell-key scenario" /> scenario{' '}
        <span className="dumbbell-key target" /> target
      </p>
      {moved.length > 0 && (
        <details className="scenario-moved">
          <summary>
            {moved.length} {moved.length === 1 ? 'item finishes' : 'items finish'} on another date
          </summary>
          <ul>
            {moved.slice(0, 40).map(({ item, days }) => (
              <li key={item.itemId}>
                <button type="button" className="link-button" onClick={() => onOpen(item.itemId)}>
                  #{item.number} {item.title}
                </button>{' '}
                <span className={days !== null && days < 0 ? 'diff-earlier' : 'diff-later'}>
                  {days === null ? 'newly planned' : describeDayDifference(days)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="scenario-timeline-head">
        <h3 className="scenario-subtitle">Timeline by person</h3>
        <fieldset className="segmented">
          <legend className="sr-only">Plan shown</legend>
          {(['scenario', 'baseline'] as const).map((v) => (
            <label key={v} className={shown === v ? 'is-active' : ''}>
              <input type="radio" name="scenario-shown" checked={shown === v} onChange={() => setShown(v)} />
              {v === 'scenario' ? 'Scenario' : 'Baseline'}
            </label>
          ))}
        </fieldset>
      </div>
      <RoadmapTimeline
        roadmap={shown === 'scenario' ? scenario : baseline}
        grouping="person"
        zoom="months"
        today={todayLocal()}
        onOpen={onOpen}
      />
    </>
  );
}
