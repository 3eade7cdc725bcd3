// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceNoteView, Idea } from '../../../contract';
import { createQueryClient } from '../../api/query-client';
import { IdeaNotes } from './idea-notes';

const idea = (itemId: string, title: string, version = 3) =>
  ({ itemId, ref: `#${itemId.slice(1)}`, title, state: 'new', evidence: 1, version }) as unknown as Idea;
const SSO = idea('i1', 'SSO');
const LOGIN = idea('i2', 'Single sign-on', 7);
const note: EvidenceNoteView = {
  id: 'n1',
  itemId: 'i2',
  externalId: null,
  sourceType: 'support',
  sourceUrl: null,
  requesterEmail: 'ana@acme.com',
  companyId: null,
  company: 'Acme',
  text: 'Okta login, please',
  importance: 2,
  givenAt: '2026-11-30T10:00:00.000Z',
  version: 4,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderNotes() {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', url, body });
      const answer =
        init.method === 'PATCH'
          ? { ...note, itemId: 'i1', version: 5 }
          : init.method === 'POST'
            ? { into: 'i1', movedNotes: 1, movedPortalSubmissions: 0 }
            : { data: [note] };
      return new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <IdeaNotes ws="w1" idea={LOGIN} ideas={[SSO, LOGIN]} />
    </QueryClientProvider>,
  );
  return calls;
}

describe('IdeaNotes', () => {
  it('should list an idea’s notes once opened and move one at the version shown', async () => {
    const calls = renderNotes();
    const details = screen.getByText('Notes (1)').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await screen.findByText('Okta login, please');
    expect(screen.getByText(/ana@acme.com, Acme, support, importance 2, 2026-11-30/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Move to'), { target: { value: 'i1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      url: '/api/workspaces/w1/evidence/n1',
      body: { version: 4, itemId: 'i1' },
    });
  });

  it('should merge the idea into the one that stays, with its version', async () => {
    const calls = renderNotes();
    fireEvent.change(screen.getByLabelText('Duplicate of'), { target: { value: 'i1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge into it' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/workspaces/w1/ideas/i2/merge',
      body: { into: 'i1', version: 7 },
    });
  });
});
