import { describe, expect, it } from 'vitest';
import { assessSetup } from './assess';
import { RULES } from './findings';
import { getSource } from './sources';
import { HEALTHY, withAnswers } from './test-answers';
import type { AnswerValue, Finding } from './types';

function findingsFor(changes: Record<string, AnswerValue | undefined>): Finding[] {
  return assessSetup({ answers: withAnswers(changes) }).findings;
}

function find(id: string, changes: Record<string, AnswerValue | undefined>): Finding | undefined {
  return findingsFor(changes).find((f) => f.id === id);
}

describe('rule catalogue', () => {
  it('should raise no finding when every answer is healthy', () => {
    expect(assessSetup({ answers: HEALTHY }).findings).toEqual([]);
  });

  it('should give every rule a unique id and at least one known source', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const c of rule.sources) expect(getSource(c.source).title.length).toBeGreaterThan(0);
    }
  });
});

describe('cto-owns-delivery', () => {
  it('should fire as high when the CTO runs delivery for five developers', () => {
    const f = find('cto-owns-delivery', { 'delivery-owner': 'cto' });
    expect(f?.severity).toBe('high');
    expect(f?.evidence.map((e) => e.questionId)).toContain('delivery-owner');
    expect(f?.recommendation).toMatch(/Keep the CTO/);
    expect(f?.recommendation).toMatch(/not fix this/);
  });

  it('should be critical when the CTO runs delivery for six developers', () => {
    const f = find('cto-owns-delivery', { 'delivery-owner': 'cto', developers: 6 });
    expect(f?.severity).toBe('critical');
    expect(f?.severityReason).toMatch(/six or more/);
  });

  it('should fire when the CTO spends 40–60% of the week on delivery and nobody else runs it', () => {
    expect(
      find('cto-owns-delivery', { 'cto-delivery-share': '40-60', 'delivery-owner': 'nobody' }),
    ).toBeDefined();
  });

  it('should stay quiet when the answers name a manager as running delivery, whatever the share', () => {
    expect(find('cto-owns-delivery', { 'cto-delivery-share': '40-60' })).toBeUndefined();
  });

  it('should stay quiet when a manager runs delivery and the CTO spends 20–40% on it', () => {
    expect(find('cto-owns-delivery', { 'cto-delivery-share': '20-40' })).toBeUndefined();
  });

  it('should stay quiet when a CTPO spends most of the week on delivery', () => {
    expect(
      find('cto-owns-delivery', { 'senior-tech': 'ctpo', 'cto-delivery-share': 'over-60' }),
    ).toBeUndefined();
  });

  it('should stay quiet when the share is high but the senior technical person is unknown', () => {
    expect(
      find('cto-owns-delivery', { 'senior-tech': undefined, 'cto-delivery-share': 'over-60' }),
    ).toBeUndefined();
  });
});

describe('cto-sets-priorities', () => {
  it('should fire when the CTO decides what comes next', () => {
    expect(find('cto-sets-priorities', { 'backlog-owner': 'cto' })?.severity).toBe('high');
  });

  it('should stay quiet when the founder decides', () => {
    expect(find('cto-sets-priorities', { 'backlog-owner': 'founder' })).toBeUndefined();
  });
});

describe('no-product-owner', () => {
  it.each(['nobody', 'loudest', 'developers'])(
    'should fire as critical when the backlog owner is %s',
    (owner) => {
      expect(find('no-product-owner', { 'backlog-owner': owner })?.severity).toBe('critical');
    },
  );

  it('should stay quiet when the founder or the CTO decides', () => {
    expect(find('no-product-owner', { 'backlog-owner': 'founder' })).toBeUndefined();
    expect(find('no-product-owner', { 'backlog-owner': 'cto' })).toBeUndefined();
  });
});

describe('no-delivery-manager', () => {
  const noManager = { 'product-managers': 0, 'delivery-manager': 'none', 'delivery-owner': 'founder' };

  it('should fire as high with four developers and nobody managing delivery', () => {
    expect(find('no-delivery-manager', { ...noManager, developers: 4 })?.severity).toBe('high');
  });

  it('should soften to medium with four developers before product–market fit and the founder as PM', () => {
    const f = find('no-delivery-manager', {
      ...noManager,
      developers: 4,
      'delivery-manager': 'founder-part-time',
      stage: 'mvp',
    });
    expect(f?.severity).toBe('medium');
  });

  it('should stay high with five developers even when the founder acts as PM before fit', () => {
    const f = find('no-delivery-manager', {
      ...noManager,
      developers: 5,
      'delivery-manager': 'founder-part-time',
      stage: 'mvp',
    });
    expect(f?.severity).toBe('high');
  });

  it('should stay quiet with three developers', () => {
    expect(find('no-delivery-manager', { ...noManager, developers: 3 })).toBeUndefined();
  });

  it('should stay quiet when a half-time PM exists', () => {
    expect(
      find('no-delivery-manager', { ...noManager, developers: 6, 'product-managers': 0.5 }),
    ).toBeUndefined();
  });

  it('should stay quiet when a shared manager runs delivery', () => {
    expect(
      find('no-delivery-manager', { ...noManager, developers: 6, 'delivery-manager': 'shared' }),
    ).toBeUndefined();
  });
});

describe('no-design-ownership', () => {
  it('should fire for a user-facing product with only a freelancer drawing screens', () => {
    expect(find('no-design-ownership', { 'design-ownership': 'freelance-screens' })?.severity).toBe('high');
  });

  it('should stay quiet for an API product without a designer', () => {
    expect(find('no-design-ownership', { 'user-facing': 'no', 'design-ownership': 'none' })).toBeUndefined();
  });

  it('should stay quiet when a part-time designer takes part in specs', () => {
    expect(find('no-design-ownership', { 'design-ownership': 'part-time-specs' })).toBeUndefined();
  });
});

describe('no-product-leadership', () => {
  it('should fire as medium at MVP stage without product leadership but with a roadmap', () => {
    const f = find('no-product-leadership', { stage: 'mvp', 'product-leadership': 'none' });
    expect(f?.severity).toBe('medium');
    expect(f?.recommendation).toMatch(/fractional CPO/);
    expect(f?.recommendation).toMatch(/12 weeks/);
    expect(f?.recommendation).toMatch(/coaching the designer/);
  });

  it('should be high when there is no real roadmap either', () => {
    const f = find('no-product-leadership', {
      stage: 'early-traction',
      'product-leadership': 'informal-mentor',
      roadmap: 'wish-list',
    });
    expect(f?.severity).toBe('high');
  });

  it('should stay quiet once the company is scaling', () => {
    expect(find('no-product-leadership', { stage: 'scaling', 'product-leadership': 'none' })).toBeUndefined();
  });

  it('should stay quiet with a fractional CPO', () => {
    expect(
      find('no-product-leadership', { stage: 'mvp', 'product-leadership': 'fractional-cpo' }),
    ).toBeUndefined();
  });
});

describe('product practice rules', () => {
  it('should flag no roadmap for a wish-list and not for an ordered roadmap', () => {
    expect(find('no-roadmap', { roadmap: 'wish-list' })?.severity).toBe('high');
    expect(find('no-roadmap', { roadmap: 'ordered' })).toBeUndefined();
  });

  it('should flag loudest-voice prioritisation for the biggest customer and not for MoSCoW', () => {
    expect(find('loudest-voice-prioritisation', { prioritisation: 'biggest-customer' })?.severity).toBe(
      'medium',
    );
    expect(find('loudest-voice-prioritisation', { prioritisation: 'lightweight' })).toBeUndefined();
  });

  it('should flag undefined decision rights when the CEO decides every time, not when it is known', () => {
    expect(find('decision-rights-undefined', { 'decision-rights': 'ceo-always' })).toBeDefined();
    expect(find('decision-rights-undefined', { 'decision-rights': 'informal' })).toBeUndefined();
  });

  it('should flag thin PM coverage above ten developers per PM', () => {
    expect(find('thin-pm-coverage', { developers: 11, 'product-managers': 1 })).toBeDefined();
    expect(find('thin-pm-coverage', { developers: 10, 'product-managers': 1 })).toBeUndefined();
    expect(find('thin-pm-coverage', { developers: 20, 'product-managers': 2 })).toBeUndefined();
  });
});

describe('ctpo-option', () => {
  const candidate = {
    'senior-tech': 'cto',
    'cto-product-appetite': 'wants-both',
    developers: 5,
    'backlog-owner': 'cto',
  };

  it('should fire as info for a small team whose CTO wants both hats and nobody else owns product', () => {
    expect(find('ctpo-option', candidate)?.severity).toBe('info');
  });

  it('should stay quiet with nine developers', () => {
    expect(find('ctpo-option', { ...candidate, developers: 9 })).toBeUndefined();
  });

  it('should stay quiet when the CTO prefers technology', () => {
    expect(find('ctpo-option', { ...candidate, 'cto-product-appetite': 'experience-only' })).toBeUndefined();
  });

  it('should stay quiet when a product owner already exists', () => {
    expect(find('ctpo-option', { ...candidate, 'backlog-owner': 'product-owner' })).toBeUndefined();
  });
});

describe('ctpo-bottleneck', () => {
  it('should fire when a CTPO runs delivery for four developers', () => {
    expect(
      find('ctpo-bottleneck', { 'senior-tech': 'ctpo', 'delivery-owner': 'ctpo', developers: 4 })?.severity,
    ).toBe('medium');
  });

  it('should fire when a CTPO leads nine developers even with a manager', () => {
    expect(find('ctpo-bottleneck', { 'senior-tech': 'ctpo', developers: 9 })).toBeDefined();
  });

  it('should stay quiet when a manager runs delivery for six developers under a CTPO', () => {
    expect(find('ctpo-bottleneck', { 'senior-tech': 'ctpo', developers: 6 })).toBeUndefined();
  });

  it('should stay quiet when a CTPO runs delivery for three developers', () => {
    expect(
      find('ctpo-bottleneck', { 'senior-tech': 'ctpo', 'delivery-owner': 'ctpo', developers: 3 }),
    ).toBeUndefined();
  });
});

describe('no-strategy-owner', () => {
  it('should fire as high when nobody owns product strategy in a small team', () => {
    const f = find('no-strategy-owner', { 'strategy-owner': 'nobody' });
    expect(f?.severity).toBe('high');
    expect(f?.evidence.map((e) => e.questionId)).toContain('strategy-owner');
  });

  it('should be critical with two product managers', () => {
    expect(find('no-strategy-owner', { 'strategy-owner': 'nobody', 'product-managers': 2 })?.severity).toBe(
      'critical',
    );
  });

  it('should stay quiet when a founder owns it, or when the question was not asked', () => {
    expect(find('no-strategy-owner', { 'strategy-owner': 'founder' })).toBeUndefined();
    expect(find('no-strategy-owner', { 'strategy-owner': undefined })).toBeUndefined();
  });
});

describe('founder hats', () => {
  it('should not say the CTO decides what is built when the CTO is a founder', () => {
    expect(find('cto-sets-priorities', { 'backlog-owner': 'cto' })).toBeDefined();
    expect(find('cto-sets-priorities', { 'backlog-owner': 'cto', 'founder-hats': ['tech'] })).toBeUndefined();
  });

  it('should not say nobody owns the design when a founder is the designer', () => {
    const answers = { 'design-ownership': 'none', 'founder-hats': ['designer'] };
    expect(find('no-design-ownership', answers)).toBeUndefined();
  });

  it('should treat a CTO who holds product as a CTPO for the bottleneck rule', () => {
    const answers = { 'founder-hats': ['cto-product'], 'delivery-owner': 'ctpo', developers: 5 };
    expect(find('ctpo-bottleneck', answers)).toBeDefined();
  });
});
