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

  it('should split a note in two at the version shown and list what remains on the idea after', async () => {
    const calls = renderSplit();
    await openNotes();
    fireEvent.click(screen.getByRole('button', { name: 'Split' }));
    fireEvent.change(screen.getByLabelText('First part (stays on this note)'), {
      target: { value: 'Okta login' },
    });
    fireEvent.change(screen.getByLabelText('Second part (a new note)'), { target: { value: 'SCIM sync' } });
    fireEvent.change(screen.getByLabelText('Second part is about'), { target: { value: 'i1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Split note' }));
    await screen.findByText('Okta login', { selector: '.idea-note-text' });
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/workspaces/w1/evidence/n1/split',
      body: {
        version: 4,
        parts: [
          { text: 'Okta login', itemId: 'i2' },
          { text: 'SCIM sync', itemId: 'i1' },
        ],
      },
    });
    expect(screen.queryByText('Okta login, please')).toBeNull();
    expect(screen.queryByText('SCIM sync')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByLabelText('Second part (a new note)')).toBeNull();
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('should show the API’s message for a refused split, and a stale one as changed by someone else', async () => {
    const calls = renderSplit([
      [
        400,
        {
          error: {
            code: 'validation',
            message: 'parts[1].text: a note needs its text: the quote or the note',
          },
        },
      ],
      [409, { error: { code: 'version_conflict', message: 'stale' } }],
    ]);
    await openNotes();
    fireEvent.click(screen.getByRole('button', { name: 'Split' }));
    fireEvent.click(screen.getByRole('button', { name: 'Split note' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'parts[1].text: a note needs its text: the quote or the note',
    );
    fireEvent.change(screen.getByLabelText('Second part (a new note)'), { target: { value: 'SCIM sync' } });
    fireEvent.click(screen.getByRole('button', { name: 'Split note' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'This note was changed by someone else since it was loaded: reload the notes and split it again.',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      {
        version: 4,
        parts: [
          { text: 'Okta login, please', itemId: 'i2' },
          { text: '', itemId: 'i2' },
        ],
      },
      {
        version: 4,
        parts: [
          { text: 'Okta login, please', itemId: 'i2' },
          { text: 'SCIM sync', itemId: 'i2' },
        ],
      },
    ]);
  });
});

async function openNotes() {
  const details = screen.getByText('Notes (1)').closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  await screen.findByText('Okta login, please');
}

/**
 * The notes of LOGIN on a server that splits: each POST answers the next of `refusals`, or,
 * once they are spent, the split notes, after which the list holds only the part left on LOGIN.
 */
function renderSplit(refusals: [number, unknown][] = []) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const kept = { ...note, text: 'Okta login', version: 5 };
  let split = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', url, body });
      if (init.method !== 'POST') return new Response(JSON.stringify({ data: [split ? kept : note] }));
      const refusal = refusals.shift();
      if (refusal) return new Response(JSON.stringify(refusal[1]), { status: refusal[0] });
      split = true;
      const added = { ...note, id: 'n2', itemId: 'i1', text: 'SCIM sync', version: 1 };
      return new Response(JSON.stringify({ data: [kept, added] }));
    }),
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <IdeaNotes ws="w1" idea={LOGIN} ideas={[SSO, LOGIN]} />
    </QueryClientProvider>,
  );
  return calls;
}
