import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpoint,
  DeadLetter,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../../contract';
import { requestApi } from '../../api/client';
import { invalidates } from '../../api/invalidation';
import { keys } from '../../api/query-keys';

// Types only: the zod schemas stay out of the browser bundle.
export type { CreatedWebhookEndpoint, DeadLetter, WebhookDelivery, WebhookEndpoint };

/** The workspace's webhook endpoints (never their secrets). */
export function useWebhookEndpoints(ws: string) {
  return useQuery({
    queryKey: keys.webhooks(ws),
    queryFn: async () => (await requestApi<{ data: WebhookEndpoint[] }>(`/workspaces/${ws}/webhooks`)).data,
  });
}

/** An endpoint's latest deliveries. */
export function useWebhookDeliveries(ws: string, endpointId: string) {
  return useQuery({
    queryKey: keys.webhookDeliveries(ws, endpointId),
    queryFn: async () =>
      (await requestApi<{ data: WebhookDelivery[] }>(`/workspaces/${ws}/webhooks/${endpointId}/deliveries`))
        .data,
  });
}

/** Registers an endpoint; the answer holds its signing secret, never shown again. */
export function useCreateWebhookEndpoint(ws: string) {
  return useMutation({
    mutationFn: (body: CreateWebhookEndpoint) =>
      requestApi<CreatedWebhookEndpoint>(`/workspaces/${ws}/webhooks`, { method: 'POST', body }),
    meta: { invalidates: invalidates.webhooksChanged(ws) },
  });
}

/** Removes an endpoint. */
export function useDeleteWebhookEndpoint(ws: string) {
  return useMutation({
    mutationFn: (id: string) => requestApi<void>(`/workspaces/${ws}/webhooks/${id}`, { method: 'DELETE' }),
    meta: { invalidates: invalidates.webhooksChanged(ws) },
  });
}

/** Sends a delivery again, as a new delivery. */
export function useReplayDelivery(ws: string) {
  return useMutation({
    mutationFn: (d: { endpointId: string; id: string }) =>
      requestApi<WebhookDelivery>(`/workspaces/${ws}/webhooks/${d.endpointId}/deliveries/${d.id}/replay`, {
        method: 'POST',
        body: {},
      }),
    meta: { invalidates: invalidates.webhooksChanged(ws) },
  });
}

/** The dead-letter view (founder only): jobs that failed every retry. */
export function useFailedJobs(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.failedJobs(ws),
    queryFn: async () => (await requestApi<{ data: DeadLetter[] }>(`/workspaces/${ws}/jobs/failed`)).data,
    enabled,
  });
}

/** Sends a failed job back to its queue. */
export function useRetryFailedJob(ws: string) {
  return useMutation({
    mutationFn: (id: string) =>
      requestApi<void>(`/workspaces/${ws}/jobs/failed/${id}/retry`, { method: 'POST', body: {} }),
    meta: { invalidates: invalidates.webhooksChanged(ws) },
  });
}
