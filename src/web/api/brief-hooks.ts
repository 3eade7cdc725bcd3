import { useMutation, useQuery } from '@tanstack/react-query';
import type { BriefEmailSetting } from '../../contract';
import { requestApi } from './client';
import { invalidates } from './invalidation';
import { keys } from './query-keys';

/** Whether I get the weekly brief by e-mail here, and whether the server can send e-mail. */
export function useBriefEmail(ws: string) {
  return useQuery({
    queryKey: keys.briefEmail(ws),
    queryFn: ({ signal }) => requestApi<BriefEmailSetting>(`/workspaces/${ws}/brief/email`, { signal }),
  });
}

/** Turns my weekly brief by e-mail on or off. */
export function useSetBriefEmail(ws: string) {
  return useMutation({
    mutationFn: (enabled: boolean) =>
      requestApi<BriefEmailSetting>(`/workspaces/${ws}/brief/email`, { method: 'PUT', body: { enabled } }),
    meta: { invalidates: invalidates.briefEmailSet(ws) },
  });
}

/** E-mails me the brief since a day now (null: the server's default week). */
export function useSendBrief(ws: string) {
  return useMutation({
    mutationFn: (since: string | null) =>
      requestApi<{ to: string; subject: string }>(`/workspaces/${ws}/brief/send`, {
        method: 'POST',
        query: { since },
      }),
  });
}
