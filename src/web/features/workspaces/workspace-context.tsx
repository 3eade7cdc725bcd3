import { createContext, type ReactNode, useContext } from 'react';
import { type Decision, describeRefusal } from '../../../domain/decision-rights';
import { useDecisionRights } from '../../api/team-hooks';
import type { DecisionRights, User, Workspace } from '../../api/types';

interface WorkspaceValue {
  workspace: Workspace;
  user: User;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

export function WorkspaceProvider({ value, children }: { value: WorkspaceValue; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The workspace the current page belongs to, and the signed-in user. */
export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace needs a WorkspaceProvider');
  return value;
}

export interface Gate {
  allowed: boolean;
  /** Why not, naming who decides; null while allowed or still loading. */
  reason: string | null;
}

/** Whether the caller may make a decision, and if not, the sentence naming who does. */
export function gateFor(rights: DecisionRights | undefined, decision: Decision): Gate {
  // Until the rights load, let the server be the judge rather than disabling everything.
  if (!rights) return { allowed: true, reason: null };
  if (rights.mine.includes(decision)) return { allowed: true, reason: null };
  return { allowed: false, reason: describeRefusal(rights.matrix, decision, rights.holders[decision] ?? []) };
}

/** The gate for one decision in the current workspace. */
export function useGate(decision: Decision): Gate {
  const { workspace } = useWorkspace();
  const rights = useDecisionRights(workspace.id);
  return gateFor(rights.data, decision);
}
