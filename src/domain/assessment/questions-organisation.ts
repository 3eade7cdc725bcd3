/**
 * Questions about the organisation: who builds the product, who decides what and when, and the
 * leadership around them. Points run 0–3 (3 = healthy); questions without points are context
 * that rules read but the scores ignore. Wording is ours; the structure follows the founder
 * questionnaire in our domain research (§5.1), adapted where noted.
 */
import type { Question } from './types';

export const ORGANISATION_QUESTIONS: readonly Question[] = [
  // --- context --------------------------------------------------------------------------------
  {
    id: 'stage',
    area: 'leadership',
    text: 'What stage is the company at?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'idea', label: 'Idea or pre-MVP' },
        { id: 'mvp', label: 'MVP, before product–market fit' },
        { id: 'early-traction', label: 'Early traction (repeatable sales or retention signals)' },
        { id: 'scaling', label: 'Scaling (after product–market fit)' },
      ],
    },
  },
  {
    id: 'user-facing',
    area: 'product',
    text: 'Do customers use the product through a user interface?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'yes', label: 'Yes, it has a user interface for customers' },
        { id: 'no', label: 'No, it is mostly an API or back-office system' },
      ],
    },
  },
  {
    id: 'developers',
    area: 'team',
    text: 'How many developers build the product (full-time equivalents, outsourced included)?',
    help: 'Count tech leads separately in the next question. A half-time freelancer is 0.5.',
    short: true,
    prefill: 'developers',
    answer: { kind: 'number', min: 0, max: 500, integer: false, unit: 'FTE' },
  },
  {
    id: 'tech-leads',
    area: 'team',
    text: 'How many hands-on tech leads guide the developers day to day?',
    short: true,
    prefill: 'tech-leads',
    answer: { kind: 'number', min: 0, max: 100, integer: false, unit: 'FTE' },
  },
  {
    id: 'designers',
    area: 'team',
    text: 'How many UI/UX designers work on the product?',
    short: true,
    prefill: 'designers',
    answer: { kind: 'number', min: 0, max: 100, integer: false, unit: 'FTE' },
  },
  {
    id: 'product-managers',
    area: 'team',
    text: 'How many product or project managers work on the product?',
    short: true,
    prefill: 'product-managers',
    answer: { kind: 'number', min: 0, max: 100, integer: false, unit: 'FTE' },
  },
  {
    id: 'teams',
    area: 'team',
    text: 'How many development teams, each with its own backlog, do you have?',
    help: 'Left unanswered, Headway assumes one team.',
    short: false,
    answer: { kind: 'number', min: 1, max: 100, integer: true, unit: 'teams' },
  },
  {
    id: 'location',
    area: 'team',
    text: 'Where does the development team work?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'co-located', label: 'In-house, in one place' },
        { id: 'remote', label: 'In-house, remote' },
        { id: 'freelancers', label: 'Individual freelancers' },
        { id: 'agency', label: 'An agency or outsourcing partner' },
        { id: 'mixed', label: 'A mix of in-house and outsourced' },
        { id: 'offshore', label: 'Offshore, with less than 4 hours of overlap' },
      ],
    },
  },
  {
    id: 'senior-tech',
    area: 'leadership',
    text: 'Who is your most senior technical person?',
    short: true,
    prefill: 'senior-tech',
    answer: {
      kind: 'choice',
      options: [
        { id: 'none', label: 'Nobody' },
        { id: 'agency-lead', label: 'A lead at the agency or a freelancer' },
        { id: 'senior-developer', label: 'A senior developer' },
        { id: 'tech-lead', label: 'A tech lead' },
        { id: 'cto', label: 'A CTO (co-founder or employee)' },
        { id: 'fractional-cto', label: 'A fractional CTO' },
        { id: 'ctpo', label: 'A CTPO who holds both technology and product' },
      ],
    },
  },
  {
    id: 'founder-hats',
    area: 'leadership',
    text: 'Which of these roles does a founder hold themselves?',
    help: 'Tick none when each role is a different person. One person may wear several hats.',
    short: true,
    answer: {
      kind: 'multi',
      options: [
        { id: 'tech', label: 'The most senior technical person (a founder-CTO or technical founder)' },
        { id: 'designer', label: 'The designer (a designer-founder)' },
        { id: 'cto-product', label: 'The CTO also holds product, a CTPO in all but name' },
      ],
      // Context only: who wears which hat changes what the rules say, not the score.
      pointsByCount: [],
    },
  },
  // --- product ownership and decision rights ------------------------------------------------
  {
    id: 'backlog-owner',
    area: 'product',
    text: 'Who decides what the developers work on next?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'nobody', label: 'Nobody clearly', points: 0 },
        { id: 'loudest', label: 'Whoever asks loudest (customers, sales)', points: 0 },
        { id: 'developers', label: 'The developers themselves', points: 0 },
        { id: 'cto', label: 'The CTO or tech lead', points: 1 },
        { id: 'founder', label: 'The founder, ad hoc', points: 2 },
        {
          id: 'product-owner',
          label: 'A named product owner (PM, designer or CPO) with a shared backlog',
          points: 3,
        },
        { id: 'ctpo', label: 'The CTPO, with a shared backlog', points: 3 },
      ],
    },
  },
  {
    id: 'delivery-owner',
    area: 'product',
    text: 'Who runs delivery day to day: planning, status, chasing blockers, stakeholder updates?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'nobody', label: 'Nobody', points: 0 },
        { id: 'cto', label: 'The CTO or tech lead', points: 1 },
        { id: 'ctpo', label: 'The CTPO', points: 2 },
        { id: 'founder', label: 'The founder', points: 2 },
        { id: 'designer', label: 'The designer acting as product owner', points: 2 },
        { id: 'manager', label: 'A product or project manager', points: 3 },
      ],
    },
  },
  {
    id: 'roadmap',
    area: 'product',
    text: 'Do you have a written product roadmap for the next 3–6 months?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'none', label: 'No', points: 0 },
        { id: 'wish-list', label: 'A list of wished-for features', points: 1 },
        { id: 'ordered', label: 'An ordered roadmap without goals or rationale', points: 2 },
        { id: 'outcomes', label: 'An outcome-based roadmap with rationale, reviewed monthly', points: 3 },
      ],
    },
  },
  {
    id: 'prioritisation',
    area: 'product',
    text: 'How do you decide priorities?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'gut', label: "Gut feeling or the founder's latest idea", points: 0 },
        { id: 'biggest-customer', label: 'The biggest customer or the latest sales request', points: 0 },
        { id: 'discussion', label: 'Informal team discussion', points: 1 },
        { id: 'lightweight', label: 'A lightweight framework (MoSCoW, value vs effort)', points: 2 },
        { id: 'scored', label: 'A scored framework (RICE, ICE, WSJF, CD3) with written inputs', points: 3 },
      ],
    },
  },
  {
    id: 'strategy-owner',
    area: 'product',
    text: 'Who owns product strategy: the goals the roadmap serves and what not to build?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'nobody', label: 'Nobody clearly', points: 0 },
        { id: 'cto', label: 'The CTO, alongside technology', points: 1 },
        { id: 'founder', label: 'A founder', points: 2 },
        { id: 'product-manager', label: 'A product manager', points: 2 },
        { id: 'cpo', label: 'A CPO or head of product (full-time or fractional)', points: 3 },
        { id: 'ctpo', label: 'The CTPO', points: 3 },
      ],
    },
  },
  {
    id: 'design-ownership',
    area: 'product',
    text: 'Who designs the user experience, and how involved are they in product decisions?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'none', label: 'Nobody; developers design screens as they go', points: 0 },
        { id: 'freelance-screens', label: 'A freelancer draws screens now and then', points: 1 },
        { id: 'part-time-specs', label: 'A part-time designer who takes part in specs', points: 2 },
        { id: 'embedded-owner', label: 'An experienced designer who co-owns product decisions', points: 3 },
      ],
    },
  },
  {
    id: 'delivery-manager',
    area: 'product',
    text: 'Is a project or product manager responsible for delivery?',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'none', label: 'No', points: 0 },
        { id: 'founder-part-time', label: 'The founder, part-time', points: 1 },
        { id: 'shared', label: 'A part-time or shared manager', points: 2 },
        { id: 'dedicated', label: 'A dedicated manager', points: 3 },
      ],
    },
  },
  {
    id: 'decision-rights',
    area: 'product',
    text: 'When product and engineering disagree about scope or dates, who has the final say?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'unclear', label: 'Unclear; whoever escalates', points: 0 },
        { id: 'ceo-always', label: 'The CEO, every time', points: 1 },
        { id: 'informal', label: 'Everyone knows, but it is not written down', points: 2 },
        { id: 'documented', label: 'Written decision rights (RACI or DACI)', points: 3 },
      ],
    },
  },
  // --- leadership structure -----------------------------------------------------------------
  {
    id: 'cto-delivery-share',
    area: 'leadership',
    text: "What share of the CTO's or tech lead's week goes to people, status and delivery management?",
    help: 'As opposed to architecture and hands-on technical work.',
    short: true,
    answer: {
      kind: 'choice',
      options: [
        { id: 'over-60', label: 'More than 60%', points: 0 },
        { id: '40-60', label: '40–60%', points: 1 },
        { id: '20-40', label: '20–40%', points: 2 },
        { id: 'under-20', label: 'Less than 20%', points: 3 },
      ],
    },
  },
  {
    id: 'product-leadership',
    area: 'leadership',
    text: 'Does someone with senior product-leadership experience guide your roadmap and priorities?',
    short: true,
    prefill: 'product-leadership',
    answer: {
      kind: 'choice',
      options: [
        { id: 'none', label: 'No', points: 0 },
        { id: 'informal-mentor', label: 'An informal mentor or investor', points: 1 },
        { id: 'fractional-cpo', label: 'A fractional CPO or advisor on a regular cadence', points: 2 },
        { id: 'full-time', label: 'A full-time product leader (CPO, head of product)', points: 3 },
        { id: 'ctpo', label: 'A CTPO with a product track record', points: 3 },
      ],
    },
  },
  {
    id: 'cto-product-appetite',
    area: 'leadership',
    text: 'Does your CTO have a product track record and want to own product decisions too?',
    short: false,
    answer: {
      kind: 'choice',
      options: [
        { id: 'no', label: 'No, technology is their focus' },
        { id: 'experience-only', label: 'They have product experience but prefer technology' },
        { id: 'wants-both', label: 'Yes: a strong product track record, and they want both hats' },
      ],
    },
  },
  {
    id: 'cto-direct-reports',
    area: 'leadership',
    text: 'How many people report directly to the CTO or tech lead?',
    short: false,
    prefill: 'cto-direct-reports',
    answer: { kind: 'number', min: 0, max: 200, integer: true, unit: 'people' },
  },
];
