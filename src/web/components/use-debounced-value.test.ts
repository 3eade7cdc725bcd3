import { describe, expect, it } from 'vitest';
import { SEARCH_DEBOUNCE_MS, searchDelay } from './use-debounced-value';

describe('searchDelay', () => {
  it('should search at once for the first characters typed into an empty box', () => {
    expect(searchDelay('', 'o')).toBe(0);
    expect(searchDelay('  ', '#12')).toBe(0);
  });

  it('should wait after a later keystroke, so a typed word sends one search', () => {
    expect(searchDelay('o', 'on')).toBe(SEARCH_DEBOUNCE_MS);
    expect(searchDelay('onboarding', 'onboard')).toBe(SEARCH_DEBOUNCE_MS);
  });

  it('should not wait when the box is emptied', () => {
    expect(searchDelay('onboarding', '')).toBe(0);
  });
});
