import { NavLink } from 'react-router';
import { useWorkspace } from '../workspaces/workspace-context';

/** Links between the estimation accuracy page and the estimation sessions. */
export function EstimationTabs({ current }: { current: 'accuracy' | 'sessions' }) {
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}/estimation`;
  return (
    <nav className="prio-tabs estimation-tabs" aria-label="Estimation">
      <NavLink
        to={base}
        end
        aria-current={current === 'accuracy' ? 'page' : undefined}
        className={current === 'accuracy' ? 'is-active' : undefined}
      >
        Accuracy
      </NavLink>
      <NavLink
        to={`${base}/sessions`}
        aria-current={current === 'sessions' ? 'page' : undefined}
        className={current === 'sessions' ? 'is-active' : undefined}
      >
        Sessions
      </NavLink>
    </nav>
  );
}
