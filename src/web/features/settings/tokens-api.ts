import { useMutation, useQuery } from '@tanstack/react-query';
import type { ApiToken, CreatedToken, CreateToken } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

const tokensKey = keys.tokens;

/** My API tokens (never their secrets), newest first. */
export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await requestApi<{ data: ApiToken[] }>('/tokens')).data,
  });
}

/** Creates a token; the answer holds its secret, which is never shown again. */
export function useCreateApiToken() {
  return useMutation({
    mutationFn: (input: CreateToken) => requestApi<CreatedToken>('/tokens', { method: 'POST', body: input }),
    meta: { invalidates: invalidates.tokensChanged() },
  });
}

/** Revokes one of my tokens; it stops working at once. */
export function useRevokeApiToken() {
  return useMutation({
    mutationFn: (id: string) => requestApi<void>(`/tokens/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.tokensChanged() },
  });
}
