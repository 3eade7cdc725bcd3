import type { ItemType } from '../../../contract';
import { isOneOf } from '../../../domain/shared';
import type { Member } from '../../api/types';
import { ITEM_TYPES, TYPE_LABELS } from '../backlog/labels';
import type { DryRun } from './import-api';
import { type PersonChoice, personChoiceOf, personChoiceValue } from './import-plan';

type Mapping = DryRun['summary']['mapping'];

const byName = (a: string, b: string) => a.localeCompare(b);

/** Their issue types and the Headway type each becomes; changing one runs the dry run again. */
export function TypeMapping({
  types,
  onChange,
}: {
  types: Mapping['types'];
  onChange: (theirs: string, ours: ItemType) => void;
}) {
  const names = Object.keys(types).sort(byName);
  if (names.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="type-mapping">
        <caption className="sr-only">Their issue types and the Headway type each becomes</caption>
        <thead>
          <tr>
            <th scope="col">Their type</th>
            <th scope="col">Headway type</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">{name === '' ? <em>(no type)</em> : name}</th>
              <td>
                <select
                  aria-label={`Headway type for ${name === '' ? 'rows without a type' : name}`}
                  value={types[name]}
                  onChange={(e) => {
                    const type = e.target.value;
                    if (isOneOf(ITEM_TYPES, type)) onChange(name, type);
                  }}
                >
                  {ITEM_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {TYPE_LABELS[t]}
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
