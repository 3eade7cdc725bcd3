import { useMutation, useQuery } from '@tanstack/react-query';
import type { CalendarFeed, CreatedCalendarFeed } from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

export type { CalendarFeed, CreatedCalendarFeed };

/** My calendar feeds of the workspace (never their addresses), newest first. */
export function useCalendarFeeds(ws: string) {
  return useQuery({
    queryKey: keys.calendarFeeds(ws),
    queryFn: async () =>
      (await requestApi<{ data: CalendarFeed[] }>(`/workspaces/${ws}/calendar-feeds`)).data,
  });
}

/** Creates a feed; the answer holds its secret address, which is never shown again. */
export function useCreateCalendarFeed(ws: string) {
  return useMutation({
    mutationFn: (name: string) =>
      requestApi<CreatedCalendarFeed>(`/workspaces/${ws}/calendar-feeds`, { method: 'POST', body: { name } }),
    meta: { invalidates: invalidates.calendarFeedsChanged(ws) },
  });
}

/** Revokes one of my feeds; calendars subscribed to it stop getting updates at once. */
export function useRevokeCalendarFeed(ws: string) {
  return useMutation({
    mutationFn: (id: string) =>
      requestApi<void>(`/workspaces/${ws}/calendar-feeds/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.calendarFeedsChanged(ws) },
  });
}
