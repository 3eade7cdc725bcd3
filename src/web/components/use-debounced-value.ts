import { useEffect, useState } from 'react';

/** How long the palette waits after a keystroke before it searches again. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * When a search for `next` may start, given the text last searched for: at once when the box was
 * empty (the first results come as fast as the server answers) or has been emptied, and
 * SEARCH_DEBOUNCE_MS after any later keystroke, so typing a word sends one search, not one a letter.
 */
export function searchDelay(searched: string, next: string): number {
  return searched.trim() === '' || next.trim() === '' ? 0 : SEARCH_DEBOUNCE_MS;
}

/**
 * `value` once it has stayed the same for `delayFor(settled, value)` milliseconds (a delay of 0
 * passes it through in the same render).
 * @returns the settled value, and a function that settles the current value now.
 */
export function useDebouncedValue<T>(value: T, delayFor: (settled: T, next: T) => number): [T, () => void] {
  const [settled, setSettled] = useState(value);
  const delay = delayFor(settled, value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    if (delay === 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, settled, delay]);
  return [delay === 0 ? value : settled, () => setSettled(value)];
}
