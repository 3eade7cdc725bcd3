/**
 * A small least-recently-used memo for pure computations. Its key must capture every input of
 * the computation exactly (not a hash that could collide), so a hit returns what the
 * computation would have returned: the memo changes speed, never answers.
 */

/** A bounded map from exact input keys to computed values. */
export interface Memo<V> {
  /**
   * The value for a key, computed and stored on a miss.
   * @param key every input of the computation, exactly.
   * @param compute the computation, called only on a miss.
   * @returns the value.
   */
  get(key: string, compute: () => V): V;
  /** Entries held now. */
  size(): number;
  /** Forgets everything (tests, benchmarks measuring a cold start). */
  clear(): void;
}

/**
 * Creates a memo that keeps the `capacity` most recently used entries.
 * @param capacity the most entries held (≥ 1).
 * @returns the memo.
 */
export function createMemo<V>(capacity: number): Memo<V> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`a memo holds at least one entry: ${capacity}`);
  }
  // A Map iterates in insertion order: re-inserting on a hit makes its first key the oldest.
  const entries = new Map<string, V>();
  return {
    get(key, compute) {
      if (entries.has(key)) {
        const value = entries.get(key) as V;
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const value = compute();
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return value;
    },
    size: () => entries.size,
    clear: () => entries.clear(),
  };
}
