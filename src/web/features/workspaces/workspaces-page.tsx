import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ROLE_LABELS } from '../../../domain/decision-rights';
import { describeError } from '../../api/client';
import { lastWorkspaceSlug } from '../../api/prefetch';
import { useCreateWorkspace, useMe } from '../../api/session-hooks';
import { ErrorState, Loading } from '../../components/states';
import { FromAssessmentForm, readWorkspaceDraft } from './from-assessment';

/** / : the first workspace's backlog, or the workspace list when there is none. */
export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const last = lastWorkspaceSlug();
  const ws = me.data.workspaces.find((w) => w.slug === last) ?? me.data.workspaces[0];
  return <Navigate to={ws ? `/w/${ws.slug}/backlog` : '/workspaces'} replace />;
}

/** The workspaces I belong to, and a form to create one. */
export function WorkspacesPage() {
  const me = useMe();
  const create = useCreateWorkspace();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [params] = useSearchParams();
  const [draft] = useState(() => (params.get('from') === 'assessment' ? readWorkspaceDraft() : null));
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, { onSuccess: (ws) => void navigate(`/w/${ws.slug}/backlog`) });
  };

  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>Workspaces</h1>
        {me.data.workspaces.length === 0 ? (
          <p className="muted">You are not in a workspace yet. Create one, or open an invitation link.</p>
        ) : (
          <ul className="workspace-list">
            {me.data.workspaces.map((ws) => (
              <li key={ws.id}>
                <Link to={`/w/${ws.slug}/backlog`}>{ws.name}</Link>
                <span className="muted">{ROLE_LABELS[ws.role]}</span>
              </li>
            ))}
          </ul>
        )}
        {me.data.workspaces.length > 1 && (
          <p>
            <Link to="/portfolio">Portfolio: what needs you in each</Link>
          </p>
        )}
        {draft ? <FromAssessmentForm draft={draft} /> : null}
        <form className="form" onSubmit={submit} hidden={draft !== null}>
          <label className="field">
            <span>New workspace name</span>
            <input
              name="workspace"
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          {create.isError && (
            <p className="form-error" role="alert">
              {describeError(create.error)}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Create workspace
          </button>
        </form>
      </div>
    </main>
  );
}
