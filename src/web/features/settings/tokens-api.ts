import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreatedToken, CreateToken } from '../../../contract';
import { requestApi } from '../../api/client';

const tokensKey = ['api-tokens'] as const;

/** My API tokens (never their secrets), newest first. */
export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await requestApi<{ data: ApiToken[] }>('/tokens')).data,
  });
}

/** Creates a token; the answer holds its secret, which is never shown again. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateToken) => requestApi<CreatedToken>('/tokens', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

/** Revokes one of my tokens; it stops working at once. */
export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestApi<void>(`/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
