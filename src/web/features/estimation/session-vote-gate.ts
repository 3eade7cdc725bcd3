import { type Gate, useGate, useWorkspace } from '../workspaces/workspace-context';

const TECH_ROLES = new Set(['cto', 'ctpo', 'developer']);

/** Tech roles and holders of the estimates decision vote; the server checks the same. */
export function useVoteGate(): Gate {
  const { workspace } = useWorkspace();
  const decide = useGate('estimates');
  if (workspace.role === 'viewer') return { allowed: false, reason: 'Viewers can read but not vote' };
  if (TECH_ROLES.has(workspace.role) || decide.allowed) return { allowed: true, reason: null };
  return { allowed: false, reason: `Votes come from the tech roles. ${decide.reason ?? ''}`.trim() };
}
