import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestApi } from './client';
import { invalidates } from './invalidation';
import { keys } from './query-keys';
import type { DecisionRights, Invitation, Member } from './types';

export function useMembers(ws: string) {
  return useQuery({
    queryKey: keys.members(ws),
    queryFn: async () => (await requestApi<{ data: Member[] }>(`/workspaces/${ws}/members`)).data,
  });
}

export function useUpdateMember(ws: string) {
  return useMutation({
    mutationFn: (input: {
      userId: string;
      version: number;
      role?: Member['role'];
      fte?: number;
      skills?: string[];
    }) => {
      const { userId, ...body } = input;
      return requestApi<Member>(`/workspaces/${ws}/members/${userId}`, { method: 'PATCH', body });
    },
    meta: { invalidates: invalidates.memberChanged(ws) },
  });
}

export function useCreateInvitation(ws: string) {
  return useMutation({
    mutationFn: (body: { role: Member['role']; fte: number; skills: string[]; email?: string }) =>
      requestApi<Invitation>(`/workspaces/${ws}/invitations`, { method: 'POST', body }),
  });
}

export function useDecisionRights(ws: string) {
  return useQuery({
    queryKey: keys.rights(ws),
    queryFn: () => requestApi<DecisionRights>(`/workspaces/${ws}/decision-rights`),
  });
}

export function useUpdateDecisionRights(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; matrix: DecisionRights['matrix']; rationale?: string }) =>
      requestApi<DecisionRights>(`/workspaces/${ws}/decision-rights`, { method: 'PUT', body }),
    onSuccess: (rights) => client.setQueryData(keys.rights(ws), rights),
  });
}
