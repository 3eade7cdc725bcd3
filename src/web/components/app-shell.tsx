import { useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { ROLE_LABELS } from '../../domain/decision-rights';
import { useInbox } from '../api/item-hooks';
import { useLiveUpdates } from '../api/live';
import { rememberWorkspace } from '../api/prefetch';
import { useMe, useSignOut } from '../api/session-hooks';
import type { Workspace } from '../api/types';
import { ItemSaveProvider } from '../features/item/conflict-provider';
import { useWorkspace, WorkspaceProvider } from '../features/workspaces/workspace-context';
import { CommandPalette } from './command-palette';
import { ShortcutHelp, useShortcut } from './shortcuts';
import { ErrorState, Loading } from './states';
import { WORKSPACE_PAGES as NAV } from './workspace-pages';

const SHORTCUT_LABEL = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K';

/** /w/:slug/* : the frame around every workspace page. */
export function WorkspaceLayout() {
  const { slug } = useParams();
  const me = useMe();
  if (me.isPending) return <Loading label="Opening the workspace" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const workspace = me.data.workspaces.find((w) => w.slug === slug || w.id === slug);
  if (!workspace) {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <h1>Workspace not found</h1>
          <p className="muted">You are not a member of “{slug}”, or it does not exist.</p>
          <NavLink to="/workspaces">See your workspaces</NavLink>
        </div>
      </main>
    );
  }
  rememberWorkspace(workspace);
  return (
    <WorkspaceProvider value={{ workspace, user: me.data.user }}>
      <ItemSaveProvider>
        <Shell workspaces={me.data.workspaces} />
      </ItemSaveProvider>
    </WorkspaceProvider>
  );
}

function Shell({ workspaces }: { workspaces: Workspace[] }) {
  const { workspace, user } = useWorkspace();
  const inbox = useInbox(workspace.id);
  useLiveUpdates(workspace.id);
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [help, setHelp] = useState(false);
  const [palette, setPalette] = useState(false);
  // On a phone the sidebar folds into a menu button; choosing a page closes it.
  const [menuOpen, setMenuOpen] = useState(false);
  const pendingG = useRef(0);
  const total = inbox.data
    ? inbox.data.counts.order + inbox.data.counts.estimate + inbox.data.counts.scope
    : null;

  const onKey = useCallback(
    (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        setHelp(true);
        return;
      }
      if (event.key === 'g' && !event.altKey) {
        pendingG.current = Date.now();
        return;
      }
      if (Date.now() - pendingG.current < 1000) {
        const target = NAV.find((n) => n.key === event.key);
        pendingG.current = 0;
        if (target) {
          event.preventDefault();
          setMenuOpen(false);
          void navigate(`/w/${workspace.slug}/${target.to}`);
        }
      }
    },
    [navigate, workspace.slug],
  );
  useShortcut(onKey);

  // ⌘K / Ctrl+K opens the palette from anywhere, text fields included.
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k' && !event.altKey) {
        event.preventDefault();
        if (!document.querySelector('dialog[open]')) setPalette(true);
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className={`sidebar${menuOpen ? ' is-open' : ''}`}>
        <div className="sidebar-top">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" /> <span className="brand-text">Headway</span>
          </span>
          <label className="sr-only" htmlFor="workspace-switcher">
            Workspace
          </label>
          <select
            id="workspace-switcher"
            className="workspace-switcher"
            value={workspace.slug}
            onChange={(e) => {
              if (e.target.value === '__new') void navigate('/workspaces');
              else void navigate(`/w/${e.target.value}/backlog`);
            }}
          >
            {workspaces.map((w) => (
              <option key={w.id} value={w.slug}>
                {w.name}
              </option>
            ))}
            <option value="__new">New workspace…</option>
          </select>
          {workspaces.length > 1 && (
            <NavLink to="/portfolio" className="button button-ghost">
              Portfolio
            </NavLink>
          )}
          <button
            type="button"
            className="button button-ghost search-button"
            onClick={() => setPalette(true)}
          >
            Search… <kbd>{SHORTCUT_LABEL}</kbd>
          </button>
          <button
            type="button"
            className="button button-ghost menu-button"
            aria-expanded={menuOpen}
            aria-controls="workspace-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? 'Close' : 'Menu'}
            {!menuOpen && total !== null && total > 0 && (
              <span className="badge">
                {total}
                <span className="sr-only"> waiting in the inbox</span>
              </span>
            )}
          </button>
        </div>
        <nav aria-label="Workspace" className="nav" id="workspace-menu">
          {NAV.map((n) => (
            <NavLink
              key={n.to}
              to={`/w/${workspace.slug}/${n.to}`}
              className="nav-link"
              onClick={() => setMenuOpen(false)}
            >
              <span>{n.label}</span>
              {n.to === 'inbox' && total !== null && total > 0 && (
                <span className="badge">
                  {total}
                  <span className="sr-only"> waiting</span>
                </span>
              )}
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-bottom">
          <div className="me">
            <span className="me-name">{user.name}</span>
            <span className="muted">{ROLE_LABELS[workspace.role]}</span>
          </div>
          <NavLink to={`/w/${workspace.slug}/settings/assessment-links`} className="button button-ghost">
            Public links
          </NavLink>
          <NavLink to={`/w/${workspace.slug}/settings/github`} className="button button-ghost">
            GitHub
          </NavLink>
          <NavLink to={`/w/${workspace.slug}/settings/tokens`} className="button button-ghost">
            API tokens
          </NavLink>
          <NavLink to={`/w/${workspace.slug}/settings/webhooks`} className="button button-ghost">
            Webhooks
          </NavLink>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => setHelp(true)}
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/signin') })}
          >
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {palette && (
        <CommandPalette workspaceId={workspace.id} slug={workspace.slug} onClose={() => setPalette(false)} />
      )}
    </div>
  );
}
