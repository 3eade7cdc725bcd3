import type { ItemType } from '../../../contract';
import { isOneOf } from '../../../domain/shared';
import type { Member } from '../../api/types';
import { ITEM_TYPES, TYPE_LABELS } from '../backlog/labels';
import type { DryRun } from './import-api';
import { type PersonChoice, personChoiceOf, personChoiceValue } from './import-plan';

type Mapping = DryRun['summary']['mapping'];

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * One of their values (a status, an issue type) per row and the Headway value each becomes, as a
 * select; changing one runs the dry run again. `noun` names their column ("state", "type").
 */
export function ValueMapping<T extends string>({
  noun,
  empty,
  mapping,
  options,
  labels,
  testId,
  onChange,
}: {
  noun: string;
  /** How rows without a value are named, e.g. "status" for "(no status)". */
  empty: string;
  mapping: Record<string, T>;
  options: readonly T[];
  labels: Record<T, string>;
  testId: string;
  onChange: (theirs: string, ours: T) => void;
}) {
  const names = Object.keys(mapping).sort(byName);
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <caption className="sr-only">
          Their {noun}s and the Headway {noun} each becomes
        </caption>
        <thead>
          <tr>
            <th scope="col">Their {noun}</th>
            <th scope="col">Headway {noun}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">{name === '' ? <em>(no {empty})</em> : name}</th>
              <td>
                <select
                  aria-label={`Headway ${noun} for ${name === '' ? `rows without a ${empty}` : name}`}
                  value={mapping[name]}
                  onChange={(e) => {
                    const value = e.target.value;
                    if (isOneOf(options, value)) onChange(name, value);
                  }}
                >
                  {options.map((option) => (
                    <option key={option} value={option}>
                      {labels[option]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Their issue types and the Headway type each becomes; changing one runs the dry run again. */
export function TypeMapping({
  types,
  onChange,
}: {
  types: Mapping['types'];
  onChange: (theirs: string, ours: ItemType) => void;
}) {
  if (Object.keys(types).length === 0) return null;
  return (
    <ValueMapping
      noun="type"
      empty="type"
      mapping={types}
      options={ITEM_TYPES}
      labels={TYPE_LABELS}
      testId="type-mapping"
      onChange={onChange}
    />
  );
}

/**
 * The people the file names and who each becomes: a member (matched by email or name), an
 * invitation by email, or a name kept as text; changing one runs the dry run again.
 */
export function PeopleMapping({
  people,
  members,
  onChange,
}: {
  people: Mapping['people'];
  /** Members a person may be matched to: this workspace's, or none for a new one. */
  members: readonly Pick<Member, 'name' | 'email'>[];
  onChange: (key: string, choice: PersonChoice) => void;
}) {
  const keys = Object.keys(people).sort(byName);
  if (keys.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="people-mapping">
        <caption className="sr-only">The people the file names and who each becomes in Headway</caption>
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">In Headway</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const current = people[key] as PersonChoice;
            const emails = new Set(members.map((m) => m.email.toLowerCase()));
            return (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>
                  <select
                    aria-label={`Who ${key} becomes`}
                    value={personChoiceValue(current)}
                    onChange={(e) => onChange(key, personChoiceOf(e.target.value))}
                  >
                    {current.kind === 'member' && !emails.has(current.email) && (
                      <option value={personChoiceValue(current)}>Member {current.email}</option>
                    )}
                    {members.map((m) => (
                      <option
                        key={m.email}
                        value={personChoiceValue({ kind: 'member', email: m.email.toLowerCase() })}
                      >
                        Member: {m.name} ({m.email})
                      </option>
                    ))}
                    {key.includes('@') && (
                      <option value={personChoiceValue({ kind: 'invite', email: key })}>Invite {key}</option>
                    )}
                    <option value="unmatched">Keep the name as text</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Priorities and estimates as the import reads them (the mapping file can change these). */
export function EstimateAndPriorityRules({ mapping }: { mapping: Mapping }) {
  const priorities = Object.entries(mapping.priorities).sort(([a], [b]) => byName(a, b));
  const time = mapping.timeEstimates;
  return (
    <ul data-testid="import-rules">
      <li>Story points: {mapping.points === 'story-points' ? 'kept as story points' : 'ignored'}.</li>
      <li>
        Time estimates:{' '}
        {time.mode === 'spread'
          ? `three-point, optimistic ×${time.optimisticRatio} and pessimistic ×${time.pessimisticRatio} of the estimate (${time.basis}).`
          : `likely value only (${time.basis}).`}
      </li>
      {priorities.length > 0 && (
        <li>
          Priorities become labels:{' '}
          {priorities.map(([theirs, label]) => `${theirs} → ${label ?? 'dropped'}`).join(', ')}.
        </li>
      )}
    </ul>
  );
}
