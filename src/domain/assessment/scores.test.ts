import { describe, expect, it } from 'vitest';
import { listQuestions } from './questionnaire';
import { bandScore, scoreAssessment } from './scores';
import { HEALTHY } from './test-answers';

const full = listQuestions({ short: false });

describe('scoreAssessment', () => {
  it('should score every area 100 and the whole strong when every answer is healthy', () => {
    const scores = scoreAssessment({ answers: HEALTHY, questions: full });
    expect(scores.areas.map((a) => a.score)).toEqual([100, 100, 100, 100, 100]);
    expect(scores.overall).toBe(100);
    expect(scores.band).toBe('strong');
  });

  it('should average only the answered scored questions of an area', () => {
    // product: roadmap wish-list (1) + backlog-owner founder (2) = 3 of 6 → 50.
    // delivery: milestones "0-1" (0) of 3 → 0. Other areas unanswered drop out.
    // overall = (0.30·50 + 0.20·0) / 0.50 = 30.
    const scores = scoreAssessment({
      answers: {
        roadmap: 'wish-list',
        'backlog-owner': 'founder',
        'milestones-on-time': '0-1',
        developers: 4,
      },
      questions: full,
    });
    const product = scores.areas.find((a) => a.area === 'product');
    expect(product).toMatchObject({ score: 50, band: 'fragile', answered: 2 });
    expect(scores.areas.find((a) => a.area === 'delivery')?.score).toBe(0);
    expect(scores.areas.find((a) => a.area === 'team')?.score).toBeNull();
    expect(scores.overall).toBe(30);
    expect(scores.band).toBe('critical');
  });

  it('should score the eight basics by how many are ticked', () => {
    // 5 or 6 ticked earn 2 of 3 points → 67.
    const scores = scoreAssessment({
      answers: { hygiene: ['source-control', 'ci-build', 'code-review', 'issue-tracker', 'staging'] },
      questions: full,
    });
    expect(scores.areas.find((a) => a.area === 'engineering')?.score).toBe(67);
  });

  it('should give no overall score when nothing scored was answered', () => {
    const scores = scoreAssessment({ answers: { developers: 3 }, questions: full });
    expect(scores.overall).toBeNull();
    expect(scores.band).toBeNull();
  });
});

describe('bandScore', () => {
  it('should put the band edges at 40, 60 and 80', () => {
    expect([39, 40, 59, 60, 79, 80].map(bandScore)).toEqual([
      'critical',
      'fragile',
      'fragile',
      'functional',
      'functional',
      'strong',
    ]);
  });
});
