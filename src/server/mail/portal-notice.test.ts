import { describe, expect, it } from 'vitest';
import { renderPortalNotice } from './portal-notice';

const idea = { workspaceName: 'Acme', slug: 'acme-ideas', number: 12, title: 'SSO' };
const options = {
  follows: false,
  portalUrl: 'https://headway.example.com/portal/acme-ideas',
  stopUrl: 'https://headway.example.com/portal/acme-ideas/stop?token=hws_x',
};

describe('renderPortalNotice', () => {
  it('should give an accepted idea its promised date', () => {
    const notice = renderPortalNotice(
      idea,
      { kind: 'decision', outcome: 'accepted', reason: 'Renewals', reviewOn: null, targetDate: '2027-02-01' },
      options,
    );
    expect(notice.subject).toBe('#12 SSO was accepted (Acme ideas portal)');
    expect(notice.text).toContain('Renewals\n\nIt is promised for 2027-02-01.\n');
    expect(notice.text).toContain('because you asked for #12 on the Acme ideas portal');
    expect(
      notice.text.endsWith(
        'To get no more e-mails from the Acme ideas portal, open: https://headway.example.com/portal/acme-ideas/stop?token=hws_x',
      ),
    ).toBe(true);
    expect(notice.stopUrl).toBe(options.stopUrl);
  });

  it('should keep the subject on one line whatever the names hold', () => {
    const notice = renderPortalNotice(
      { ...idea, workspaceName: 'Acme\r\nBcc: x@evil.example', title: 'SSO\nnow' },
      { kind: 'at-risk', targetDate: '2027-02-01', probability: 0.234, alertBelow: 0.5 },
      { ...options, follows: true },
    );
    expect(notice.subject).toBe(
      '#12 SSO now may miss its date of 2027-02-01 (Acme Bcc: x@evil.example ideas portal)',
    );
    expect(notice.text).toContain('a 23 % chance of being done by then, below the 50 %');
    expect(notice.text).toContain('because you follow #12');
  });
});
