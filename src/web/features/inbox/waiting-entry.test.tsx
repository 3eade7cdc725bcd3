// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Decision, defaultDecisionMatrix } from '../../../domain/decision-rights';
import { createQueryClient } from '../../api/query-client';
import { keys } from '../../api/query-keys';
import type { DecisionRights, Inbox, Item, User, Workspace } from '../../api/types';
import { ToastProvider } from '../../components/toast';
import { ItemSaveProvider } from '../item/conflict-provider';
import { WorkspaceProvider } from '../workspaces/workspace-context';
import { WaitingEntry } from './waiting-entry';

type Entry = Inbox['entries'][number];

const WS = 'w1';
const workspace = {
  id: WS,
  name: 'Acme',
  slug: 'acme',
  role: 'founder',
  createdAt: '2027-01-01T00:00:00.000Z',
};
const entry = (kind: Entry['kind'], decision: Decision, question: string | null = null): Entry => ({
  kind,
  decision,
  itemId: 'i1',
  number: 7,
  title: 'Export invoices',
  since: '2027-01-01T00:00:00.000Z',
  ageDays: 9,
  question,
});
const item = { id: 'i1', number: 7, title: 'Export invoices', version: 4, estimate: null } as unknown as Item;

/** The first items of the order: a done one is not offered as a place. */
const ORDER = [
  { id: 'i2', number: 2, title: 'Sign in', state: 'in_progress' },
  { id: 'i3', number: 3, title: 'Old launch', state: 'done' },
  { id: 'i4', number: 4, title: 'Invoices', state: 'ready' },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** Renders one entry with the decisions I hold; the API answers GET of the item and echoes writes. */
function renderEntry(value: Entry, mine: Decision[]) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', url, body });
      const answer = url.startsWith('/api/workspaces/w1/items?')
        ? { data: ORDER, nextCursor: null }
        : init.method === 'GET'
          ? item
          : { ...item, version: item.version + 1, ...body };
      return new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
  const client = createQueryClient();
  const rights = { version: 1, matrix: defaultDecisionMatrix(), decisions: [], mine, holders: {} };
  client.setQueryData(keys.rights(WS), rights as unknown as DecisionRights);
  client.setQueryData(keys.inbox(WS), { entries: [value], counts: {}, proposals: [] });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <WorkspaceProvider value={{ workspace: workspace as Workspace, user: { id: 'u1' } as User }}>
          <ToastProvider>
            <ItemSaveProvider>
              <ul>
                <WaitingEntry entry={value} showKind />
              </ul>
            </ItemSaveProvider>
          </ToastProvider>
        </WorkspaceProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { calls, inboxStale: () => client.getQueryState(keys.inbox(WS))?.isInvalidated === true };
}

describe('WaitingEntry', () => {
  it('should place a new item at the top of the order through the move route', async () => {
    const { calls } = renderEntry(entry('order', 'backlog_order'), ['backlog_order']);
    expect(screen.getByText('To place in the order:')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Place at top' }));
    await screen.findByText('Placed #7 at the top of the order');
    expect(calls).toEqual([
      { method: 'POST', url: '/api/workspaces/w1/items/i1/move', body: { afterId: null } },
    ]);
  });

  it('should place a new item after one of the first open items of the order', async () => {
    const { calls } = renderEntry(entry('order', 'backlog_order'), ['backlog_order']);
    const select = screen.getByRole('combobox', { name: 'Place #7 after' });
    fireEvent.focus(select);
    await screen.findByRole('option', { name: '#4 Invoices' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Place after…',
      '#2 Sign in',
      '#4 Invoices',
    ]);
    fireEvent.change(select, { target: { value: 'i4' } });
    await screen.findByText('Placed #7 after #4');
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      url: '/api/workspaces/w1/items/i1/move',
      body: { afterId: 'i4' },
    });
  });

  it('should save a three-point estimate with the item version and make the inbox stale', async () => {
    const { calls, inboxStale } = renderEntry(entry('estimate', 'estimates'), ['estimates']);
    fireEvent.click(screen.getByRole('button', { name: 'Estimate…' }));
    for (const [name, value] of [
      ['Optimistic (days)', '2'],
      ['Likely (days)', '3'],
      ['Pessimistic (days)', '8'],
    ]) {
      fireEvent.change(await screen.findByLabelText(name as string), { target: { value } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save estimate' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save estimate' })).toBeNull());
    expect(calls.at(-1)).toEqual({
      method: 'PATCH',
      url: '/api/workspaces/w1/items/i1',
      body: { estimate: { optimistic: 2, likely: 3, pessimistic: 8 }, version: 4 },
    });
    expect(inboxStale()).toBe(true);
  });

  it('should answer a scope question by cutting the item and clearing the question', async () => {
    const { calls } = renderEntry(entry('scope', 'scope', 'Is CSV enough?'), ['scope']);
    expect(screen.getByText('Is CSV enough?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Answer…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cut from scope' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.at(-1)?.body).toEqual({ scopeQuestion: null, state: 'cancelled', version: 4 });
  });

  it('should decide a parked idea due for review in place, with the item version, and make the inbox stale', async () => {
    const due = entry('review', 'scope', 'Parked because: After the billing rework');
    const { calls, inboxStale } = renderEntry(due, ['scope']);
    expect(screen.getByText('Parked idea due for review:')).toBeTruthy();
    expect(screen.getByText('Parked because: After the billing rework')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Review…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    fireEvent.change(screen.getByLabelText(/Why \(declined\)/), { target: { value: 'Nobody asked again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Declined' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      {
        method: 'POST',
        url: '/api/workspaces/w1/ideas/i1/decision',
        body: { outcome: 'declined', reason: 'Nobody asked again', version: 4 },
      },
    ]);
    await waitFor(() => expect(inboxStale()).toBe(true));
    // The decision moved the item's version: its cached copy is read again, after the decision.
    await waitFor(() => {
      const decided = calls.findIndex((c) => c.method === 'POST');
      const reread = calls.findLastIndex(
        (c) => c.method === 'GET' && c.url === '/api/workspaces/w1/items/i1',
      );
      expect(reread).toBeGreaterThan(decided);
    });
  });

  it('should offer no answer and say who decides when the decision is not mine', () => {
    const { calls } = renderEntry(entry('estimate', 'estimates'), ['backlog_order']);
    expect(screen.queryByRole('button', { name: 'Estimate…' })).toBeNull();
    expect(screen.getByRole('note').textContent).toMatch(
      /^Estimates belong to .*nobody on the team holds it yet/,
    );
    expect(calls).toEqual([]);
  });
});
