import { describe, expect, it } from 'vitest';
import { findForwardedSender, type MailFields, readEmailNote } from './forwarded-email';

const mail = (overrides: Partial<MailFields>): MailFields => ({
  messageId: '<abc123@mail.example.com>',
  date: new Date('2026-11-30T10:15:00Z'),
  from: 'Sam.Seller@ourco.com',
  subject: 'Bulk export',
  text: 'Can we export everything at once?',
  ...overrides,
});

describe('findForwardedSender', () => {
  it('should read the customer from a Gmail forward', () => {
    const text = [
      'FYI, third time this month.',
      '',
      '---------- Forwarded message ---------',
      'From: Ana Lima <Ana@Acme.com>',
      'Date: Fri, 27 Nov 2026 at 16:02',
      'Subject: Bulk export',
      'To: <sam@ourco.com>',
      '',
      'We need to export every invoice at once.',
    ].join('\n');
    expect(findForwardedSender({ subject: 'Fwd: Bulk export', text })).toBe('ana@acme.com');
  });

  it('should read the customer from an Outlook and an Apple Mail forward', () => {
    const outlook = '-----Original Message-----\nFrom: bo@globex.com\nSent: Monday\n\nPlease add SSO.';
    const apple = 'Begin forwarded message:\n\n> From: "Li" <li@initech.io>\n> Subject: SSO\n\nhello';
    expect(findForwardedSender({ subject: 'SSO', text: outlook })).toBe('bo@globex.com');
    expect(findForwardedSender({ subject: 'SSO', text: apple })).toBe('li@initech.io');
  });

  it('should find nobody in a message that is not a forward, or a forward that names no sender', () => {
    expect(findForwardedSender({ subject: 'Bulk export', text: 'From: a@b.com is in the text' })).toBeNull();
    expect(findForwardedSender({ subject: 'Fwd: Bulk export', text: 'no header block here' })).toBeNull();
  });
});

describe('readEmailNote', () => {
  it('should make the customer of a forward the requester, and the subject’s #N the idea', () => {
    const note = readEmailNote(
      mail({
        subject: 'Fwd: Bulk export (#12)',
        text: '---------- Forwarded message ---------\nFrom: ana@acme.com\n\nExport all invoices.',
      }),
      { ideaRef: null, maxText: 1000 },
    );
    expect(note).toEqual({
      external_id: 'email:abc123@mail.example.com',
      created_at: '2026-11-30T10:15:00.000Z',
      source_type: 'email',
      requester_email: 'ana@acme.com',
      text: 'Bulk export (#12)\n\n---------- Forwarded message ---------\nFrom: ana@acme.com\n\nExport all invoices.',
      idea_ref: '#12',
    });
  });

  it('should take the sender of a message sent directly, and the idea the caller names', () => {
    const note = readEmailNote(mail({}), { ideaRef: 'Bulk export', maxText: 1000 });
    expect(note.requester_email).toBe('sam.seller@ourco.com');
    expect(note.idea_ref).toBe('Bulk export');
    expect(note.text).toBe('Bulk export\n\nCan we export everything at once?');
  });

  it('should cut a long text, and leave out a missing id and date', () => {
    const note = readEmailNote(mail({ messageId: null, date: null, subject: '', text: 'x'.repeat(50) }), {
      ideaRef: null,
      maxText: 10,
    });
    expect(note.text).toBe(`${'x'.repeat(9)}…`);
    expect(note.external_id).toBeNull();
    expect(note.created_at).toBeNull();
  });
});
