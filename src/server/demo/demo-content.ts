import type { ItemType } from '../../contract';

/** What the demo startup works on: initiatives, epics and the work under them, as a real backlog reads. */
export const PLAN: { initiative: string; epics: { title: string; skills: string[]; work: string[] }[] }[] = [
  {
    initiative: 'Self-serve onboarding',
    epics: [
      {
        title: 'Sign-up and first project',
        skills: ['frontend'],
        work: [
          'Email sign-up with magic link',
          'Google sign-in',
          'Guided first project',
          'Empty states for new accounts',
          'Welcome email sequence',
          'Bug: verification link expires too early',
        ],
      },
      {
        title: 'Import from spreadsheets',
        skills: ['backend'],
        work: [
          'CSV upload with column mapping',
          'Excel (.xlsx) import',
          'Import preview and error report',
          'Bug: dates in US format swapped',
          'Background import jobs',
        ],
      },
      {
        title: 'In-app guidance',
        skills: ['design', 'frontend'],
        work: ['Checklist widget', 'Contextual tips', 'Product tour for admins', 'Help centre search'],
      },
    ],
  },
  {
    initiative: 'Billing and invoicing',
    epics: [
      {
        title: 'Subscriptions',
        skills: ['backend'],
        work: [
          'Plans and price table',
          'Stripe checkout integration',
          'Upgrade and downgrade flows',
          'Proration rules',
          'Dunning emails',
          'Bug: trial end date off by one day',
        ],
      },
      {
        title: 'Invoices',
        skills: ['backend'],
        work: ['PDF invoices with VAT', 'Invoice history page', 'Credit notes', 'EU VAT number validation'],
      },
    ],
  },
  {
    initiative: 'Team workspaces',
    epics: [
      {
        title: 'Roles and permissions',
        skills: ['backend'],
        work: [
          'Admin, member and guest roles',
          'Invite by link',
          'Audit log of permission changes',
          'SSO with SAML (enterprise)',
          'Bug: guests can see archived projects',
        ],
      },
      {
        title: 'Collaboration',
        skills: ['frontend'],
        work: [
          'Comments with mentions',
          'Notifications centre',
          'Real-time presence',
          'Activity feed',
          'Email digests',
        ],
      },
    ],
  },
  {
    initiative: 'Reporting and analytics',
    epics: [
      {
        title: 'Dashboards',
        skills: ['frontend', 'data'],
        work: ['Dashboard builder', 'Chart widgets', 'Scheduled PDF reports', 'Dashboard sharing links'],
      },
      {
        title: 'Data warehouse export',
        skills: ['data', 'backend'],
        work: ['Nightly export to S3', 'BigQuery connector', 'Export schema documentation'],
      },
    ],
  },
  {
    initiative: 'Mobile app',
    epics: [
      {
        title: 'Mobile MVP',
        skills: ['mobile'],
        work: [
          'React Native shell',
          'Offline read cache',
          'Push notifications',
          'Mobile sign-in',
          'App store release pipeline',
        ],
      },
    ],
  },
  {
    initiative: 'Platform reliability',
    epics: [
      {
        title: 'Observability',
        skills: ['devops'],
        work: [
          'Structured logging',
          'Error tracking',
          'Uptime alerts',
          'Bug: memory leak in worker',
          'Slow query dashboard',
        ],
      },
      {
        title: 'Performance',
        skills: ['backend'],
        work: [
          'Cache project lists',
          'Paginate activity API',
          'Database index review',
          'Bug: timeouts on large exports',
        ],
      },
    ],
  },
];

export const CUSTOMER_REQUESTS: [string, string][] = [
  ['Bulk edit projects', 'frontend'],
  ['Custom fields on projects', 'backend'],
  ['Keyboard shortcuts for power users', 'frontend'],
  ['Dark mode', 'design'],
  ['Export a project as PDF', 'backend'],
  ['Two-factor authentication', 'backend'],
  ['Slack notifications', 'backend'],
  ['Bug: search ignores accented characters', 'backend'],
  ['Archive and restore projects', 'backend'],
  ['Templates for recurring projects', 'frontend'],
  ['Microsoft Teams integration', 'backend'],
  ['Bug: timezone shown wrong in digests', 'backend'],
  ['Usage-based billing add-on', 'backend'],
  ['Guest access with expiry date', 'backend'],
  ['Onboarding survey for new admins', 'design'],
  ['Zapier connector', 'backend'],
  ['Bug: duplicate invitations sent', 'backend'],
  ['Project health score', 'data'],
  ['Saved filters', 'frontend'],
  ['Public status page', 'devops'],
  ['Audit log export', 'backend'],
  ['Bug: chart legend overlaps on mobile', 'frontend'],
  ['Italian and Spanish translations', 'frontend'],
  ['Data retention settings', 'backend'],
  ['Bug: slow dashboard with 50+ widgets', 'frontend'],
  ['Calendar view of deadlines', 'frontend'],
  ['Import from Trello', 'backend'],
  ['Recurring reminders', 'backend'],
  ['Offline mode for the web app', 'frontend'],
  ['Customer success dashboard', 'data'],
  ['SCIM user provisioning', 'backend'],
  ['Bug: PDF invoice misses the VAT id', 'backend'],
  ['Comment reactions', 'frontend'],
  ['Read-only share links', 'backend'],
  ['Pinned projects', 'frontend'],
  ['Bug: CSV import drops empty columns', 'backend'],
  ['Weekly email summary for managers', 'backend'],
  ['Drag and drop file attachments', 'frontend'],
  ['Granular notification settings', 'frontend'],
  ['HubSpot sync', 'backend'],
];

/** The work the CTO adds during the week: under this epic, at the bottom of the backlog. */
export const WEEK_SCOPE = {
  epic: 'Invoices',
  title: 'Refunds and partial refunds from the invoice page',
  estimate: { optimistic: 3, likely: 5, pessimistic: 10 },
  skills: ['backend'],
} as const;

export const EXTRA_TASKS = [
  'Upgrade Node runtime',
  'Rotate API keys',
  'Accessibility audit fixes',
  'Translate UI to German',
  'Rate limiting for public API',
  'Cookie consent banner',
  'Weekly backup restore test',
  'Remove legacy v1 endpoints',
  'Bug: avatar upload fails on Safari',
  'Bug: CSV export breaks on commas',
  'Public API documentation',
  'Webhook retries',
];

export function describeWork(title: string, type: ItemType): string {
  if (type === 'initiative')
    return `## Why\n${title} is one of this year's bets.\n\n## Outcome\nA measurable change in activation or revenue, reviewed each quarter.`;
  if (type === 'epic') return `Groups the work for **${title.toLowerCase()}**.`;
  if (type === 'bug')
    return `### Steps to reproduce\n1. Open the affected page\n2. Follow the report in support ticket\n\n### Expected\nIt works as documented.`;
  return `As a customer I want ${title.toLowerCase()} so that I get value sooner.\n\n**Acceptance**\n- [ ] Works on desktop and mobile\n- [ ] Covered by tests`;
}
