/**
 * Rules about who owns the product function: what is built, when, in which order, and
 * delivery. The central one is `cto-owns-delivery`: the fix is to build the product function
 * around the CTO, never to replace the CTO.
 */
import type { Condition, Rule } from './types';

/** Someone other than the founder is a product or project manager. */
export const HAS_DELIVERY_MANAGER: Condition = {
  any: [
    { q: 'product-managers', op: 'gte', value: 0.5 },
    { q: 'delivery-manager', op: 'in', value: ['shared', 'dedicated'] },
    { q: 'delivery-owner', op: 'eq', value: 'manager' },
  ],
};

/** Nobody orders the backlog: whoever asks, or the developers themselves. */
export const NO_PRODUCT_OWNER: Condition = {
  q: 'backlog-owner',
  op: 'in',
  value: ['nobody', 'loudest', 'developers'],
};

/** The CTO is a different person from the founders (true for older answer files, which do not say). */
export const CTO_IS_NOT_A_FOUNDER: Condition = { metric: 'founder-is-tech', op: 'eq', value: 'no' };

/** A CTPO holds product and technology, by title or in all but name. */
export const HAS_CTPO: Condition = { metric: 'senior-tech-role', op: 'eq', value: 'ctpo' };

const TRUSTSHORING = 'trustshoring-cto-role';

export const OWNERSHIP_RULES: readonly Rule[] = [
  {
    id: 'cto-owns-delivery',
    area: 'leadership',
    title: 'The CTO owns delivery',
    // Only a CTO who is not a founder: a founder-CTO who runs delivery runs it as the founder.
    // The share of the week counts only when delivery is not answered as someone else's job.
    when: {
      all: [
        CTO_IS_NOT_A_FOUNDER,
        {
          any: [
            { q: 'delivery-owner', op: 'eq', value: 'cto' },
            {
              all: [
                { q: 'cto-delivery-share', op: 'pointsLte', value: 1 },
                { q: 'delivery-owner', op: 'eq', value: 'nobody' },
                { not: HAS_CTPO },
              ],
            },
          ],
        },
      ],
    },
    severity: 'high',
    overrides: [
      {
        when: { q: 'developers', op: 'gte', value: 6 },
        severity: 'critical',
        reason: 'with six or more developers, managing delivery crowds out technical leadership',
      },
    ],
    why: 'Technical leadership is spent on planning, status and chasing people, work that grows with every developer, while nobody whose job it is decides what is built and when.',
    recommendation:
      'Keep the CTO and narrow the role to how the product is built. Build the product function with one clear owner: above three developers a project or product manager runs delivery; below that the founder and an experienced designer carry it, with a fractional CPO to set up the cadence and the roadmap. Replacing the CTO would not fix this.',
    sources: [
      {
        source: TRUSTSHORING,
        point:
          'making a new CTO manage delivery is the most common mistake; the CTO owns how, the product function owns what, when, in which order and delivery',
      },
      { source: TRUSTSHORING, point: 'founders who think they need a new CTO rarely do' },
    ],
  },
  {
    id: 'cto-sets-priorities',
    area: 'product',
    title: 'The CTO decides what is built and in which order',
    when: { all: [{ q: 'backlog-owner', op: 'eq', value: 'cto' }, CTO_IS_NOT_A_FOUNDER] },
    severity: 'high',
    why: 'Ordering the backlog is a product decision; when the CTO makes it, the "what" is chosen by the person accountable for the "how", and nobody speaks for customers and the business.',
    recommendation:
      'Name one product owner of record (the founder, a PM, a CPO or a CTPO). The CTO is consulted on priorities and stays accountable for architecture and estimates.',
    sources: [
      { source: TRUSTSHORING, point: 'the product function decides what is built and in which order' },
      { source: TRUSTSHORING, point: 'the product function needs one clear owner' },
      { source: 'raci-daci', point: 'exactly one accountable person per decision' },
    ],
  },
  {
    id: 'no-product-owner',
    area: 'product',
    title: 'Nobody owns the product',
    when: NO_PRODUCT_OWNER,
    severity: 'critical',
    why: 'Priorities come from whoever asks last or loudest, so work changes direction and nobody can say no.',
    recommendation:
      'Appoint a product owner of record now, even part-time. Bring in a fractional CPO (1–3 days a week for about three months) to set up the roadmap, the prioritisation method and the cadence, and to coach the owner.',
    sources: [
      { source: TRUSTSHORING, point: 'the product function needs one clear owner' },
      {
        source: 'fractional-cpo-practice',
        point: 'a fractional CPO typically works 1–3 days a week on roadmap, prioritisation and cadence',
      },
    ],
  },
  {
    id: 'no-delivery-manager',
    area: 'product',
    title: 'More than three developers and no project or product manager',
    when: { all: [{ q: 'developers', op: 'gt', value: 3 }, { not: HAS_DELIVERY_MANAGER }] },
    severity: 'high',
    overrides: [
      {
        when: {
          all: [
            { q: 'developers', op: 'lte', value: 4 },
            { q: 'delivery-manager', op: 'eq', value: 'founder-part-time' },
            { q: 'stage', op: 'in', value: ['idea', 'mvp'] },
          ],
        },
        severity: 'medium',
        reason: 'four developers before product–market fit, with the founder acting as product manager',
      },
    ],
    why: 'Coordination grows with the square of the team (4 people have 6 communication paths, 6 have 15); past three developers someone has to own plans, dependencies and status.',
    recommendation:
      'Hire or assign a project manager (delivery) or a product manager (discovery and delivery). Treat five developers as the latest point; aim for 5–9 developers per PM.',
    sources: [
      { source: TRUSTSHORING, point: 'a project manager, maybe, once there are more than three developers' },
      { source: 'first-pm-timing', point: 'the first product hire pays off at about five engineers' },
      { source: 'brooks-paths', point: 'n people have n(n−1)/2 communication paths' },
      { source: 'norton-pm-ratio', point: '5–9 engineers per product manager is the common sweet spot' },
    ],
  },
  {
    id: 'no-design-ownership',
    area: 'product',
    title: 'Nobody owns the design of a user-facing product',
    when: {
      all: [
        { q: 'user-facing', op: 'eq', value: 'yes' },
        { q: 'design-ownership', op: 'pointsLte', value: 1 },
        // A designer-founder owns the design.
        { metric: 'founder-is-designer', op: 'eq', value: 'no' },
      ],
    },
    severity: 'high',
    why: 'Customers meet the product through its interface; without a designer who owns flows and specs, developers make product decisions screen by screen.',
    recommendation:
      'Engage an experienced UI/UX designer who owns day-to-day product decisions on flows and specs, coached by a fractional CPO. Keep at least one designer per ten developers, and one per PM once PMs exist.',
    sources: [
      { source: TRUSTSHORING, point: 'an experienced UI/UX designer can carry part of the product role' },
      {
        source: 'nngroup-designer-ratio',
        point: 'half of teams report at least one designer per ten developers',
      },
      { source: 'norton-pm-ratio', point: 'one designer per PM on user-facing work' },
    ],
  },
  {
    id: 'no-product-leadership',
    area: 'leadership',
    title: 'No product-leadership experience guides the product early on',
    when: {
      all: [
        { q: 'product-leadership', op: 'pointsLte', value: 1 },
        { q: 'stage', op: 'in', value: ['mvp', 'early-traction'] },
      ],
    },
    severity: 'medium',
    overrides: [
      {
        when: {
          any: [
            { q: 'roadmap', op: 'pointsLte', value: 1 },
            { q: 'prioritisation', op: 'pointsLte', value: 1 },
          ],
        },
        severity: 'high',
        reason: 'there is no real roadmap or prioritisation method either',
      },
    ],
    why: 'Before and around product–market fit the choices of what to build matter most, and nobody on the team has made them before at this level.',
    recommendation:
      'Contract a fractional CPO for about 12 weeks at 1–2 days a week (0.2–0.4 FTE) for initial consulting, prioritisation, the roadmap and coaching the designer. Deliverables: a 3–6-month roadmap with its rationale, a prioritisation sheet with written inputs, a weekly product cadence the team can run alone, and a coaching plan for the designer.',
    sources: [
      {
        source: TRUSTSHORING,
        point: 'a fractional CPO for initial consulting, prioritisation and defining the roadmap',
      },
      {
        source: 'fractional-cpo-practice',
        point:
          '1–3 days a week; the engagement succeeds when the team keeps the cadence without the fractional CPO',
      },
    ],
  },
  {
    id: 'no-roadmap',
    area: 'product',
    title: 'No roadmap with order and rationale',
    when: { q: 'roadmap', op: 'pointsLte', value: 1 },
    severity: 'high',
    why: 'Without an ordered plan and the reasons behind it, every request competes with every other and dates cannot be promised.',
    recommendation:
      'The product owner (with the fractional CPO, if any) writes an outcome-based 3–6-month roadmap, sized roughly, and reviews it monthly.',
    sources: [{ source: TRUSTSHORING, point: 'the product function decides what, when and in which order' }],
  },
  {
    id: 'loudest-voice-prioritisation',
    area: 'product',
    title: 'Priorities follow the loudest voice',
    when: { q: 'prioritisation', op: 'pointsLte', value: 1 },
    severity: 'medium',
    why: 'Gut feeling and the latest customer request reorder the work constantly and leave no record of why.',
    recommendation:
      'Score candidates with RICE (or ICE before you have data), sequence with cost of delay over duration, and keep the scores with the decision.',
    sources: [
      {
        source: 'prioritisation-frameworks',
        point: 'scored frameworks make the inputs of a priority explicit',
      },
    ],
  },
  {
    id: 'decision-rights-undefined',
    area: 'product',
    title: 'Decision rights are not defined',
    when: { q: 'decision-rights', op: 'pointsLte', value: 1 },
    severity: 'medium',
    why: 'When nobody knows who has the final say on scope and dates, disagreements escalate to the CEO or stall.',
    recommendation:
      "Adopt Headway's default decision-rights matrix (product decides what and when, tech decides how and how big) and use DACI for one-off contentious decisions.",
    sources: [
      { source: 'raci-daci', point: 'one accountable person per decision; DACI for one-off decisions' },
    ],
  },
  {
    id: 'ctpo-option',
    area: 'leadership',
    title: 'A CTPO could hold the product function',
    when: {
      all: [
        { metric: 'senior-tech-role', op: 'eq', value: 'cto' },
        // A founder-CTO already holds product as the founder; there is no second person to decide on.
        CTO_IS_NOT_A_FOUNDER,
        { q: 'cto-product-appetite', op: 'eq', value: 'wants-both' },
        { q: 'developers', op: 'lte', value: 8 },
        { q: 'backlog-owner', op: 'in', value: ['nobody', 'loudest', 'developers', 'cto'] },
      ],
    },
    severity: 'info',
    why: 'Your CTO has a product track record and wants both hats, the team is small and nobody else owns the product yet. That is the rare case where one person can hold what and how.',
    recommendation:
      'Make it a formal CTPO role only if the person truly wants both jobs and the team stays around eight developers or fewer; even then, hand day-to-day delivery to a project manager once there are more than three developers. Otherwise build the product function.',
    sources: [
      { source: TRUSTSHORING, point: 'a CTPO is a valid but rare option, like finding a unicorn' },
      {
        source: 'cpto-role',
        point: 'the combined role fits when product and technology are inseparable; its risk is a bottleneck',
      },
    ],
  },
  {
    id: 'ctpo-bottleneck',
    area: 'leadership',
    title: 'The CTPO is becoming a bottleneck',
    when: {
      all: [
        HAS_CTPO,
        {
          any: [
            { q: 'developers', op: 'gt', value: 8 },
            {
              all: [
                { q: 'delivery-owner', op: 'eq', value: 'ctpo' },
                { q: 'developers', op: 'gt', value: 3 },
              ],
            },
          ],
        },
      ],
    },
    severity: 'medium',
    why: 'One person holds product, technology and day-to-day delivery; decisions queue behind them as the team grows.',
    recommendation:
      'Keep the CTPO accountable for what is built, in which order and how; give day-to-day delivery (plans, dates, status) to a project or product manager, and add a tech lead under the CTPO once the team passes about eight developers.',
    sources: [
      { source: 'cpto-role', point: 'the main risk of a combined role is bottlenecking' },
      { source: TRUSTSHORING, point: 'a project manager once there are more than three developers' },
    ],
  },
  {
    id: 'no-strategy-owner',
    area: 'product',
    title: 'Nobody owns product strategy',
    when: { q: 'strategy-owner', op: 'eq', value: 'nobody' },
    alsoShow: ['product-managers', 'product-leadership'],
    severity: 'high',
    overrides: [
      {
        when: {
          any: [
            { q: 'developers', op: 'gte', value: 12 },
            { q: 'product-managers', op: 'gte', value: 2 },
          ],
        },
        severity: 'critical',
        reason: 'with two PMs or about twelve developers, every team builds without a shared direction',
      },
    ],
    why: 'Product managers order their backlogs and designers shape flows, but nobody sets the goals the roadmap serves or says what not to build, so teams optimise locally and the roadmap becomes a list of requests.',
    recommendation:
      'Name one owner of product strategy now (a founder until a product leader arrives). After product–market fit with two PMs or about twelve developers, hire a full-time CPO or head of product; before that a fractional CPO can hold it.',
    sources: [
      { source: TRUSTSHORING, point: 'the product function needs one clear owner' },
      {
        source: 'fractional-cpo-practice',
        point: 'a full-time CPO once deciding what to build is a full-time job, after product–market fit',
      },
    ],
  },
  {
    id: 'thin-pm-coverage',
    area: 'product',
    title: 'Too many developers per product manager',
    when: { metric: 'devs-per-pm', op: 'gt', value: 10 },
    severity: 'medium',
    why: 'Past about ten developers per PM, requirements and answers arrive late and developers wait or guess.',
    recommendation: 'Add a PM per product area or team, aiming for 5–9 developers each.',
    sources: [{ source: 'norton-pm-ratio', point: '5–9 engineers per PM' }],
  },
];
