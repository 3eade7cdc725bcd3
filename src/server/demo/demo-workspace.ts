import { generateNKeysBetween } from 'fractional-indexing';
import { type HeadwayExport, type ItemState, type ItemType, noWorkspaceTables } from '../../contract';
import { defaultDecisionMatrix, type Role } from '../../domain/decision-rights';
import { createSmallRandom, MS_PER_DAY } from '../../domain/shared';
import { CUSTOMER_REQUESTS, describeWork, EXTRA_TASKS, PLAN } from './demo-content';
import { buildPastForecasts } from './demo-forecasts';
import { buildPastPlanForecasts } from './demo-plan-forecasts';
import { addDecisionStory } from './demo-story';
import { addBlockedSpells, buildDemoWorkflowStates } from './demo-workflow';

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

/**
 * A realistic demo workspace as Headway JSON: about 150 items across six initiatives, scores,
 * three-point estimates, dependencies and six months of state history ending at `now`, with the
 * decisions' whys, slips of committed dates, and past forecasts waiting to be scored.
 */
export function buildDemoWorkspace(now: Date = new Date(), seed = 42): HeadwayExport {
  // A seeded generator, so the demo is the same on every machine.
  const rnd = createSmallRandom(seed).nextFloat;
  const wipRnd = createSmallRandom(seed + 1).nextFloat;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const start = now.getTime() - 182 * MS_PER_DAY;
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
    capturedDaysAgo?: number,
  ): Draft => {
    const createdAt =
      capturedDaysAgo === undefined
        ? start + Math.floor(rnd() * 150) * MS_PER_DAY + index * 3_600_000
        : now.getTime() - capturedDaysAgo * MS_PER_DAY;
    const leaf = type === 'feature' || type === 'task' || type === 'bug';
    const progress = rnd();
    // Older work is further along; the newest captures are still waiting to be ordered.
    const age = (now.getTime() - createdAt) / MS_PER_DAY;
    let state: ItemState = 'new';
    if (capturedDaysAgo !== undefined) state = 'new';
    else if (leaf) {
      if (age > 90 && progress < 0.75) state = 'done';
      else if (age > 40 && progress < 0.35) state = 'done';
      else if (progress < 0.5) state = 'in_progress';
      else if (progress < 0.6) state = 'in_review';
      else if (progress < 0.85) state = 'ready';
      else if (progress < 0.9 && age > 60) state = 'cancelled';
    } else state = progress < 0.5 ? 'in_progress' : 'ready';
    const likely = leaf ? pick([1, 2, 2, 3, 3, 5, 5, 8]) : 0;
    const estimated =
      capturedDaysAgo === undefined &&
      leaf &&
      (state !== 'new' || rnd() < 0.4) &&
      !(state === 'ready' && rnd() < 0.15);
    const estimator = pick(DEMO_PEOPLE.filter((p) => p.role === 'cto' || p.role === 'developer'));
    const assignee = leaf && state !== 'new' && state !== 'ready' ? pick(devs) : null;
    // Fresh captures wait in the product owner's inbox until someone places them.
    const ordered = capturedDaysAgo === undefined;
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
      orderedAt: ordered ? at(createdAt + 2 * MS_PER_DAY) : null,
      estimate: estimated
        ? {
            optimistic: Math.max(0.5, Math.round(likely * 0.6 * 2) / 2),
            likely,
            pessimistic: Math.round(likely * (1.8 + rnd()) * 2) / 2,
            estimatedBy: demoEmail(estimator.key),
            estimatedAt: at(createdAt + MS_PER_DAY),
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
          ? new Date(now.getTime() + (30 + Math.floor(rnd() * 150)) * MS_PER_DAY).toISOString().slice(0, 10)
          : null,
      scopeQuestion: null,
      scopeQuestionAt: null,
      createdBy: demoEmail(pick(['alex', 'dana', 'priya', 'sam'])),
      createdAt: at(createdAt),
      updatedAt: at(createdAt),
      completedAt: null,
      version: 1,
    };
    // State history: walk the workflow up to the current state over realistic gaps. Work still
    // in progress was picked up in the last weeks, as on a real team, so its age can be read
    // against finished work (its own generator keeps the rest of the demo as it was).
    const started = state === 'in_progress' || state === 'in_review';
    let t = started ? Math.max(createdAt, now.getTime() - (14 + wipRnd() * 20) * MS_PER_DAY) : createdAt;
    const by = assignee ? demoEmail(assignee.key) : demoEmail('dana');
    history.push({ item: item.number, from: null, to: 'new', by: item.createdBy, at: at(t) });
    const path: ItemState[] = ['ready', 'in_progress', 'in_review', 'done'];
    const stop = state === 'cancelled' ? 1 : state === 'new' ? 0 : path.indexOf(state) + 1;
    let prev: ItemState = 'new';
    for (const next of path.slice(0, stop)) {
      t += (next === 'done' ? likely * (0.8 + rnd() * 1.6) : 1 + rnd() * 6) * MS_PER_DAY;
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
      t += 5 * MS_PER_DAY;
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
  // The last few arrived in the past two weeks and nobody has ordered them yet.
  const requests = CUSTOMER_REQUESTS.slice(0, 150 - items.length);
  for (const [i, [title, skill]] of requests.entries()) {
    const fresh = requests.length - i <= 6 ? 2 * (requests.length - i) : undefined;
    add(title.startsWith('Bug:') ? 'bug' : 'feature', title, null, [skill], index++, fresh);
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
  // Unordered captures sit at the bottom, where new items land.
  const placeOf = (it: Draft) => (it.orderedAt === null ? 5 : weight[it.state]);
  const order = [...items].sort(
    (a, b) => placeOf(a) - placeOf(b) || riceOf(b) - riceOf(a) || a.number - b.number,
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
      it.scopeQuestionAt = at(now.getTime() - (4 + i * 3) * MS_PER_DAY);
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
      dependencies.push({ item: x, dependsOn: y, lagDays: 0, createdAt: at(start + 100 * MS_PER_DAY) });
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
  const doc: HeadwayExport = {
    format: 'headway',
    formatVersion: 2,
    formulas: [],
    assessments: [],
    roadmapSnapshots: [],
    forecasts: [],
    slips: [],
    ...noWorkspaceTables(),
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
      joinedAt: at(start - (30 - i) * MS_PER_DAY),
    })),
    items,
    dependencies,
    stateHistory: history,
    decisions,
    comments,
  };
  // The team's workflow has a "Blocked" state; some work passed through it, some is there now.
  doc.workflowStates = buildDemoWorkflowStates();
  addBlockedSpells(doc, { now, seed });
  doc.stateHistory.sort((a, b) => a.at.localeCompare(b.at));
  // The story the demo tells: committed dates that slipped with reasons, decisions with whys,
  // and past forecasts made with the real engine, scored when the demo loads.
  addDecisionStory(doc, { now, cpo: demoEmail('dana'), founder: demoEmail('alex') });
  doc.forecasts = [
    ...buildPastForecasts(doc, { now, madeBy: demoEmail('dana') }),
    ...buildPastPlanForecasts(doc, { now, madeBy: demoEmail('jonas') }),
  ].sort((a, b) => a.madeAt.localeCompare(b.madeAt));
  return doc;
}
