import { NavLink } from 'react-router';
import { useWorkspace } from '../workspaces/workspace-context';

/** Links between the ranking and the estimation accuracy pages. */
export function PrioritizeTabs({ current }: { current: 'ranking' | 'accuracy' }) {
  const { workspace } = useWorkspace();
  return (
    <nav className="prio-tabs" aria-label="Prioritization">
      <NavLink
        to={`/w/${workspace.slug}/prioritize`}
        aria-current={current === 'ranking' ? 'page' : undefined}
        className={current === 'ranking' ? 'is-active' : undefined}
        end
      >
        Ranking
      </NavLink>
      <NavLink
        to={`/w/${workspace.slug}/estimation`}
        aria-current={current === 'accuracy' ? 'page' : undefined}
        className={current === 'accuracy' ? 'is-active' : undefined}
      >
        Estimation accuracy
      </NavLink>
    </nav>
  );
}
