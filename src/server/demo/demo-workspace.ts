import { generateNKeysBetween } from 'fractional-indexing';
import type { HeadwayExport, ItemState, ItemType } from '../../contract';
import { defaultDecisionMatrix, type Role } from '../../domain/decision-rights';

/** The password every demo person signs in with. */
export const DEMO_PASSWORD = 'headway-demo';
export const DEMO_DOMAIN = 'demo.headway.dev';

interface Person {
  key: string;
  name: string;
  role: Role;
  fte: number;
  skills: string[];
}

/** An 8-person startup: founder, CTO, a fractional CPO at 0.2, a designer and four developers. */
export const DEMO_PEOPLE: Person[] = [
  { key: 'alex', name: 'Alex Morgan', role: 'founder', fte: 1, skills: ['sales'] },
  { key: 'sam', name: 'Sam Chen', role: 'cto', fte: 1, skills: ['backend', 'devops', 'architecture'] },
  { key: 'dana', name: 'Dana Kowalski', role: 'cpo', fte: 0.2, skills: ['product', 'research'] },
  { key: 'priya', name: 'Priya Nair', role: 'designer', fte: 1, skills: ['design', 'frontend'] },
  { key: 'jonas', name: 'Jonas Weber', role: 'developer', fte: 1, skills: ['backend', 'data'] },
  { key: 'maya', name: 'Maya Okafor', role: 'developer', fte: 1, skills: ['frontend', 'design'] },
  { key: 'luis', name: 'Luis Ortega', role: 'developer', fte: 1, skills: ['backend', 'devops'] },
  { key: 'kim', name: 'Kim Park', role: 'developer', fte: 0.8, skills: ['frontend', 'mobile'] },
];

export const demoEmail = (key: string) => `${key}@${DEMO_DOMAIN}`;

/** Small seeded PRNG (mulberry32) so the demo is the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAN: { initiative: string; epics: { title: string; skills: string[]; work: string[] }[] }[] = [
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

const CUSTOMER_REQUESTS: [string, string][] = [
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

const EXTRA_TASKS = [
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

function describeWork(title: string, type: ItemType): string {
  if (type === 'initiative')
    return `## Why\n${title} is one of this year's bets.\n\n## Outcome\nA measurable change in activation or revenue, reviewed each quarter.`;
  if (type === 'epic') return `Groups the work for **${title.toLowerCase()}**.`;
  if (type === 'bug')
    return `### Steps to reproduce\n1. Open the affected page\n2. Follow the report in support ticket\n\n### Expected\nIt works as documented.`;
  return `As a customer I want ${title.toLowerCase()} so that I get value sooner.\n\n**Acceptance**\n- [ ] Works on desktop and mobile\n- [ ] Covered by tests`;
}

/**
 * A realistic demo workspace as Headway JSON: about 150 items across six initiatives, scores,
 * three-point estimates, dependencies and six months of state history ending at `now`.
 */
export function buildDemoWorkspace(now: Date = new Date(), seed = 42): HeadwayExport {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const DAY = 86_400_000;
  const start = now.getTime() - 182 * DAY;
  const at = (t: number) => new Date(Math.min(t, now.getTime() - 60_000)).toISOString();
  const devs = DEMO_PEOPLE.filter((p) => p.role === 'developer' || p.role === 'designer');

  type Draft = HeadwayExport['items'][number];
  const items: Draft[] = [];
  const history: HeadwayExport['stateHistory'] = [];
  const decisions: HeadwayExport['decisions'] = [];
  const comments: HeadwayExport['comments'] = [];
  let number = 1;

  const add = (
    type: ItemType,
    title: string,
    parent: number | null,
    skills: string[],
    index: number,
  ): Draft => {
    const createdAt = start + Math.floor(rnd() * 150) * DAY + index * 3_600_000;
    const leaf = type === 'feature' || type === 'task' || type === 'bug';
    const progress = rnd();
    // Older work is further along; the newest captures are still waiting to be ordered.
    const age = (now.getTime() - createdAt) / DAY;
    let state: ItemState = 'new';
    if (leaf) {
      if (age > 90 && progress < 0.75) state = 'done';
      else if (age > 40 && progress < 0.35) state = 'done';
      else if (progress < 0.5) state = 'in_progress';
      else if (progress < 0.6) state = 'in_review';
      else if (progress < 0.85) state = 'ready';
      else if (progress < 0.9 && age > 60) state = 'cancelled';
    } else state = progress < 0.5 ? 'in_progress' : 'ready';
    const likely = leaf ? pick([1, 2, 2, 3, 3, 5, 5, 8]) : 0;
    const estimated = leaf && (state !== 'new' || rnd() < 0.4) && !(state === 'ready' && rnd() < 0.15);
    const estimator = pick(DEMO_PEOPLE.filter((p) => p.role === 'cto' || p.role === 'developer'));
    const assignee = leaf && state !== 'new' && state !== 'ready' ? pick(devs) : null;
    const ordered = state !== 'new' || age > 30;
    const reach = pick([100, 250, 500, 1000, 2500]);
    const impact = pick([0.25, 0.5, 1, 2, 3]);
    const confidence = pick([50, 80, 100]);
    const item: Draft = {
      number: number++,
      type,
      title,
      description: describeWork(title, type),
      parent,
      state,
      rank: '',
      orderedAt: ordered ? at(createdAt + 2 * DAY) : null,
      estimate: estimated
        ? {
            optimistic: Math.max(0.5, Math.round(likely * 0.6 * 2) / 2),
            likely,
            pessimistic: Math.round(likely * (1.8 + rnd()) * 2) / 2,
            estimatedBy: demoEmail(estimator.key),
            estimatedAt: at(createdAt + DAY),
          }
        : null,
      actualEffort: null,
      scores: leaf
        ? {
            rice_reach: reach,
            rice_impact: impact,
            rice_confidence: confidence,
            rice_effort: Math.max(0.5, likely / 5),
            wsjf_value: pick([1, 2, 3, 5, 8, 13]),
            wsjf_time_criticality: pick([1, 2, 3, 5, 8]),
            wsjf_risk_reduction: pick([1, 2, 3, 5]),
            wsjf_job_size: pick([1, 2, 3, 5, 8]),
            moscow: pick(['must', 'should', 'should', 'could', 'wont']),
          }
        : {},
      skills: leaf ? skills.slice(0, 1 + Math.floor(rnd() * skills.length)) : [],
      labels: title.startsWith('Bug:')
        ? ['bug', 'customer-reported']
        : leaf
          ? [pick(['growth', 'retention', 'revenue', 'tech-debt'])]
          : [],
      assignee: assignee ? demoEmail(assignee.key) : null,
      targetDate:
        type === 'initiative'
          ? new Date(now.getTime() + (30 + Math.floor(rnd() * 150)) * DAY).toISOString().slice(0, 10)
          : null,
      scopeQuestion: null,
      scopeQuestionAt: null,
      createdBy: demoEmail(pick(['alex', 'dana', 'priya', 'sam'])),
      createdAt: at(createdAt),
      updatedAt: at(createdAt),
      completedAt: null,
      version: 1,
    };
    // State history: walk the workflow up to the current state over realistic gaps.
    let t = createdAt;
    const by = assignee ? demoEmail(assignee.key) : demoEmail('dana');
    history.push({ item: item.number, from: null, to: 'new', by: item.createdBy, at: at(t) });
    const path: ItemState[] = ['ready', 'in_progress', 'in_review', 'done'];
    const stop = state === 'cancelled' ? 1 : state === 'new' ? 0 : path.indexOf(state) + 1;
    let prev: ItemState = 'new';
    for (const next of path.slice(0, stop)) {
      t += (next === 'done' ? likely * (0.8 + rnd() * 1.6) : 1 + rnd() * 6) * DAY;
      history.push({
        item: item.number,
        from: prev,
        to: next,
        by: next === 'ready' ? demoEmail('dana') : by,
        at: at(t),
      });
      prev = next;
    }
    if (state === 'cancelled') {
      t += 5 * DAY;
      history.push({ item: item.number, from: prev, to: 'cancelled', by: demoEmail('dana'), at: at(t) });
      decisions.push({
        decision: 'scope',
        item: item.number,
        actor: demoEmail('dana'),
        summary: `Cut #${item.number} “${title}” from scope`,
        rationale: 'Low reach for the effort; revisit after the billing launch.',
        details: {},
        at: at(t),
      });
    }
    if (state === 'done') {
      item.completedAt = at(t);
      item.actualEffort = Math.round(likely * Math.exp((rnd() - 0.35) * 0.9) * 2) / 2;
    }
    item.updatedAt = at(Math.max(t, createdAt));
    item.version = 1 + history.filter((h) => h.item === item.number).length - 1 + (item.estimate ? 1 : 0);
    if (item.estimate) {
      decisions.push({
        decision: 'estimates',
        item: item.number,
        actor: item.estimate.estimatedBy,
        summary: `Estimated #${item.number} “${title}” at ${item.estimate.optimistic}/${item.estimate.likely}/${item.estimate.pessimistic} days (optimistic/likely/pessimistic)`,
        rationale: null,
        details: {},
        at: item.estimate.estimatedAt ?? item.createdAt,
      });
    }
    items.push(item);
    return item;
  };

  let index = 0;
  for (const block of PLAN) {
    const initiative = add('initiative', block.initiative, null, [], index++);
    initiative.state = 'in_progress';
    for (const epic of block.epics) {
      const e = add('epic', epic.title, initiative.number, epic.skills, index++);
      for (const title of epic.work) {
        add(
          title.startsWith('Bug:') ? 'bug' : rnd() < 0.2 ? 'task' : 'feature',
          title,
          e.number,
          epic.skills,
          index++,
        );
      }
      // A second wave of follow-ups makes the backlog the size of a real one.
      for (const title of epic.work.slice(0, 2)) {
        add(
          'task',
          `Follow-up: ${title.replace(/^Bug: /, '').toLowerCase()} polish`,
          e.number,
          epic.skills,
          index++,
        );
      }
    }
  }
  for (const title of EXTRA_TASKS)
    add(title.startsWith('Bug:') ? 'bug' : 'task', title, null, ['backend'], index++);
  // Requests from customers and the team, as a real backlog collects them.
  for (const [title, skill] of CUSTOMER_REQUESTS) {
    if (items.length >= 150) break;
    add(title.startsWith('Bug:') ? 'bug' : 'feature', title, null, [skill], index++);
  }

  // Product order: mostly by RICE, with the work in flight first, as a product owner would keep it.
  const riceOf = (it: Draft) => {
    const s = it.scores;
    return typeof s.rice_reach === 'number'
      ? (s.rice_reach * Number(s.rice_impact) * Number(s.rice_confidence)) / 100 / Number(s.rice_effort)
      : 0;
  };
  const weight: Record<ItemState, number> = {
    in_progress: 0,
    in_review: 0,
    ready: 1,
    new: 2,
    done: 3,
    cancelled: 4,
  };
  const order = [...items].sort(
    (a, b) => weight[a.state] - weight[b.state] || riceOf(b) - riceOf(a) || a.number - b.number,
  );
  const ranks = generateNKeysBetween(null, null, order.length);
  order.forEach((it, i) => {
    it.rank = ranks[i] as string;
  });

  // Scope questions wait in the CPO's inbox.
  const open = items.filter((it) => it.state === 'ready' && it.type !== 'initiative');
  for (const [i, q] of [
    'Do enterprise customers need this before SSO?',
    'Is this in the first billing release or the second?',
  ].entries()) {
    const it = open[i * 3];
    if (it) {
      it.scopeQuestion = q;
      it.scopeQuestionAt = at(now.getTime() - (4 + i * 3) * DAY);
    }
  }

  // Dependencies inside each epic (later work waits on earlier), plus a few across initiatives.
  const dependencies: HeadwayExport['dependencies'] = [];
  const byEpic = new Map<number, Draft[]>();
  for (const it of items) {
    if (it.parent !== null && it.type !== 'epic')
      byEpic.set(it.parent, [...(byEpic.get(it.parent) ?? []), it]);
  }
  for (const list of byEpic.values()) {
    for (let i = 1; i < list.length; i += 2) {
      const a = list[i] as Draft;
      const b = list[i - 1] as Draft;
      dependencies.push({ item: a.number, dependsOn: b.number, lagDays: 0, createdAt: a.createdAt });
    }
  }
  const find = (title: string) => items.find((it) => it.title === title)?.number;
  for (const [a, b] of [
    ['Invoice history page', 'Stripe checkout integration'],
    ['SSO with SAML (enterprise)', 'Admin, member and guest roles'],
    ['Push notifications', 'Notifications centre'],
    ['Scheduled PDF reports', 'PDF invoices with VAT'],
  ] as const) {
    const x = find(a);
    const y = find(b);
    if (x && y && !dependencies.some((d) => d.item === x && d.dependsOn === y)) {
      dependencies.push({ item: x, dependsOn: y, lagDays: 0, createdAt: at(start + 100 * DAY) });
    }
  }

  for (const it of items.filter((x) => x.state === 'in_progress').slice(0, 6)) {
    comments.push({
      item: it.number,
      author: it.assignee,
      body: 'Started on this; first PR up tomorrow.',
      at: it.updatedAt,
    });
  }

  history.sort((a, b) => a.at.localeCompare(b.at));
  decisions.sort((a, b) => a.at.localeCompare(b.at));
  return {
    format: 'headway',
    formatVersion: 1,
    formulas: [],
    assessments: [],
    roadmapSnapshots: [],
    forecasts: [],
    workspace: {
      name: 'Acme Analytics (demo)',
      decisionRights: defaultDecisionMatrix(),
      nextItemNumber: number,
    },
    members: DEMO_PEOPLE.map((p, i) => ({
      email: demoEmail(p.key),
      name: p.name,
      role: p.role,
      fte: p.fte,
      skills: p.skills,
      joinedAt: at(start - (30 - i) * DAY),
    })),
    items,
    dependencies,
    stateHistory: history,
    decisions,
    comments,
  };
}
