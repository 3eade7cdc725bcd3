import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';
import { invalidateDeclared } from './invalidation';

/**
 * One query client for the app: no retries on answers the server meant (4xx), and one place
 * where a successful write makes the queries it declares (`meta.invalidates`) stale.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (_data, variables, _context, mutation) =>
        invalidateDeclared(client, mutation.meta, variables),
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
