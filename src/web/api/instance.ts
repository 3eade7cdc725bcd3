import { useQuery } from '@tanstack/react-query';
import type { Instance } from '../../contract';
import { requestApi } from './client';
import { keys } from './query-keys';

/** This server's version and, when it runs the demo, the accounts to sign in as. */
export function useInstance() {
  return useQuery({
    queryKey: keys.instance,
    queryFn: () => requestApi<Instance>('/instance'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
