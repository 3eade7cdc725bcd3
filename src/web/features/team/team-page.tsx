import { type FormEvent, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/decision-rights';
import { isOneOf } from '../../../domain/shared';
import { describeError } from '../../api/client';
import { useCreateInvitation, useMembers, useUpdateMember } from '../../api/team-hooks';
import type { Member } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { type Gate, useGate, useWorkspace } from '../workspaces/workspace-context';
import { DecisionMatrix } from './decision-matrix';

/** The team (roles, FTE, skills), invitation links and the decision-rights matrix. */
export function TeamPage() {
  const { workspace } = useWorkspace();
  const members = useMembers(workspace.id);
  const gate = useGate('team');
  return (
    <div className="page page-team">
      <header className="page-header">
        <h1>Team</h1>
      </header>
      {!gate.allowed && (
        <p className="notice" role="note">
          {gate.reason}.
        </p>
      )}
      <section className="card-section" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {members.isPending ? (
          <Loading label="Loading the team" />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">FTE</th>
                  <th scope="col">Skills</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.data.map((m) => (
                  <MemberRow key={`${m.userId}-${m.version}`} member={m} gate={gate} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {gate.allowed && <InviteForm />}
      <DecisionMatrix />
    </div>
  );
}

function parseSkills(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The roles someone may pick for a member, and why a choice is locked, mirroring the server's
 * rules: only a founder makes or changes a founder, and nobody changes their own role.
 */
function roleChoice(options: { iAmFounder: boolean; isMe: boolean; current: Role }) {
  const roles = ROLES.filter((r) => r !== 'founder' || options.iAmFounder || options.current === 'founder');
  const lockedBecause = options.isMe
    ? 'Nobody can change their own role: ask a founder'
    : options.current === 'founder' && !options.iAmFounder
      ? 'Only a founder can change a founder'
      : null;
  return { roles, lockedBecause };
}

function MemberRow({ member, gate }: { member: Member; gate: Gate }) {
  const { workspace, user } = useWorkspace();
  const choice = roleChoice({
    iAmFounder: workspace.role === 'founder',
    isMe: member.userId === user.id,
    current: member.role,
  });
  const founderLocked = member.role === 'founder' && workspace.role !== 'founder';
  const editable = gate.allowed && !founderLocked;
  const update = useUpdateMember(workspace.id);
  const { notify } = useToast();
  const [role, setRole] = useState<Role>(member.role);
  const [fte, setFte] = useState(String(member.fte));
  const [skills, setSkills] = useState(member.skills.join(', '));
  const dirty = role !== member.role || Number(fte) !== member.fte || skills !== member.skills.join(', ');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { userId: member.userId, version: member.version, role, fte: Number(fte), skills: parseSkills(skills) },
      {
        onSuccess: () => notify(`${member.name} updated`),
        onError: (error) => notify(describeError(error), 'error'),
      },
    );
  };
  const formId = `member-${member.userId}`;
  return (
    <tr>
      <th scope="row">
        <div>{member.name}</div>
        <div className="muted small">{member.email}</div>
      </th>
      <td>
        <select
          form={formId}
          aria-label={`Role of ${member.name}`}
          value={role}
          disabled={!gate.allowed || choice.lockedBecause !== null}
          title={gate.reason ?? choice.lockedBecause ?? undefined}
          onChange={(e) => isOneOf(ROLES, e.target.value) && setRole(e.target.value)}
        >
          {choice.roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          form={formId}
          className="narrow"
          type="number"
          min={0}
          max={1}
          step={0.05}
          aria-label={`FTE of ${member.name}`}
          value={fte}
          disabled={!editable}
          onChange={(e) => setFte(e.target.value)}
        />
      </td>
      <td>
        <input
          form={formId}
          aria-label={`Skills of ${member.name}`}
          value={skills}
          disabled={!editable}
          placeholder="frontend, backend"
          onChange={(e) => setSkills(e.target.value)}
        />
      </td>
      <td>
        <form id={formId} onSubmit={submit}>
          <button type="submit" className="button" disabled={!editable || !dirty || update.isPending}>
            Save
          </button>
        </form>
      </td>
    </tr>
  );
}

function InviteForm() {
  const { workspace } = useWorkspace();
  // Only a founder invites a founder.
  const roles = ROLES.filter((r) => r !== 'founder' || workspace.role === 'founder');
  const invite = useCreateInvitation(workspace.id);
  const [role, setRole] = useState<Role>('developer');
  const [fte, setFte] = useState('1');
  const [skills, setSkills] = useState('');
  const [email, setEmail] = useState('');
  const link = invite.data ? `${window.location.origin}${invite.data.path}` : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const to = email.trim();
    invite.mutate({ role, fte: Number(fte), skills: parseSkills(skills), ...(to ? { email: to } : {}) });
  };
  return (
    <section className="card-section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => isOneOf(ROLES, e.target.value) && setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>FTE</span>
          <input
            className="narrow"
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={fte}
            onChange={(e) => setFte(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Skills</span>
          <input value={skills} placeholder="frontend, backend" onChange={(e) => setSkills(e.target.value)} />
        </label>
        <label className="field">
          <span>Email (optional: only this person can join)</span>
          <input
            type="email"
            value={email}
            placeholder="name@company.com"
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          Create invitation link
        </button>
      </form>
      {invite.isError && (
        <p className="form-error" role="alert">
          {describeError(invite.error)}
        </p>
      )}
      {link && (
        <div className="invite-link">
          <label className="field">
            <span>
              Invitation link (shown once; valid until{' '}
              {new Date(invite.data?.expiresAt ?? '').toLocaleDateString()})
            </span>
            <input readOnly value={link} data-testid="invite-link" onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(link)}>
            Copy link
          </button>
        </div>
      )}
    </section>
  );
}
