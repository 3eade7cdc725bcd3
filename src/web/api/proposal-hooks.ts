import { useMutation } from '@tanstack/react-query';
import { requestApi } from './client';
import { invalidates } from './invalidation';
import type { Proposal, ProposalChange } from './types';

/** Proposes an order or scope change to whoever holds that decision. */
export function useCreateProposal(ws: string) {
  return useMutation({
    mutationFn: (input: { itemId: string; change: ProposalChange; reason: string }) =>
      requestApi<Proposal>(`/workspaces/${ws}/proposals`, { method: 'POST', body: input }),
    meta: { invalidates: invalidates.proposalMade(ws) },
  });
}

/** Accepts a proposal of mine to decide: the change is applied and logged with its reason. */
export function useAcceptProposal(ws: string) {
  return useMutation({
    mutationFn: (proposal: { id: string; version: number }) =>
      requestApi<Proposal>(`/workspaces/${ws}/proposals/${proposal.id}/accept`, {
        method: 'POST',
        body: { version: proposal.version },
      }),
    meta: { invalidates: invalidates.proposalAnswered(ws) },
  });
}

/** Declines a proposal with a reason, which is logged. */
export function useDeclineProposal(ws: string) {
  return useMutation({
    mutationFn: (input: { id: string; version: number; reason: string }) =>
      requestApi<Proposal>(`/workspaces/${ws}/proposals/${input.id}/decline`, {
        method: 'POST',
        body: { version: input.version, reason: input.reason },
      }),
    meta: { invalidates: invalidates.proposalAnswered(ws) },
  });
}
