// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdeaList } from '../../../contract';
import { createQueryClient } from '../../api/query-client';
import { keys } from '../../api/query-keys';
import type { User, Workspace } from '../../api/types';
import { WorkspaceProvider } from '../workspaces/workspace-context';
import { InboxPage } from './inbox-page';

const WS = 'w1';
const workspace = {
  id: WS,
  name: 'Acme',
  slug: 'acme',
  role: 'developer',
  createdAt: '2027-01-01T00:00:00.000Z',
};
type Alert = IdeaList['alerts'][number];
const alert = (itemId: string, title: string, mine: boolean): Alert => ({
  itemId,
  ref: `#${itemId.slice(1)}`,
  title,
  targetDate: '2027-03-31',
  probability: 0.42,
  holders: [{ userId: 'u9', name: 'Dana' }],
  accountOwners: mine ? [{ userId: 'u1', name: 'Sam', companies: ['Globex'] }] : [],
  mine,
});

afterEach(cleanup);

/** Renders the inbox of Sam (u1) with nothing waiting and the given promise alerts. */
function renderInbox(alerts: Alert[]) {
  const client = createQueryClient();
  client.setQueryData(keys.inbox(WS), {
    entries: [],
    counts: { order: 0, estimate: 0, scope: 0, review: 0 },
    proposals: [],
  });
  client.setQueryData(keys.ideas(WS), { alertBelow: 0.7, alerts } as unknown as IdeaList);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <WorkspaceProvider value={{ workspace: workspace as Workspace, user: { id: 'u1' } as User }}>
          <InboxPage />
        </WorkspaceProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('InboxPage', () => {
  it('should list the promises at risk that are mine, and only those', () => {
    renderInbox([alert('i12', 'Bulk export', true), alert('i13', 'Dark mode', false)]);
    const section = screen.getByRole('region', { name: 'Promises at risk 1' });
    expect(section.textContent).toContain(
      '#12 · Bulk export: 42 % likely by 2027-03-31 — your account asked for it: tell them before the date slips (account owners: Sam for Globex)',
    );
    expect(screen.getByRole('link', { name: '#12 · Bulk export' }).getAttribute('href')).toBe(
      '/w/acme/backlog?item=i12',
    );
    expect(screen.queryByText(/Dark mode/)).toBeNull();
    expect(screen.queryByText('Nothing waits on you')).toBeNull();
  });

  it('should say nothing waits when no promise at risk is mine', () => {
    renderInbox([alert('i13', 'Dark mode', false)]);
    expect(screen.queryByRole('region', { name: /Promises at risk/ })).toBeNull();
    expect(screen.getByText('Nothing waits on you')).toBeTruthy();
  });
});
