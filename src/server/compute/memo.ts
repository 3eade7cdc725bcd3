/**
 * Remembered answers of the pure compute tasks. A task's answer depends on its input only (the
 * same plan, seed and trials give the same forecast), so an identical input asked again, by the
 * roadmap page, the portfolio and the brief of one unchanged workspace, is answered from memory
 * instead of simulated again. The key is a digest of the input written out canonically: any
 * change to the plan, an estimate, the start date or the seed is a different input, so a stale
 * answer cannot be served. Kept per process and bounded; nothing another server needs.
 */
import { createHash } from 'node:crypto';

/**
 * The input as text that two equal inputs always share. Not v8's serializer: it writes the same
 * number as an integer or a double depending on how the engine happens to hold it, and the same
 * array as dense or sparse. Maps, sets, dates, undefined and non-finite numbers keep their
 * identity here, where plain JSON would merge them with objects, arrays and null.
 */
function canonical(input: unknown): string {
  return JSON.stringify(input, function encode(this: unknown, key: string, value: unknown) {
    // Dates reach the replacer already as strings (toJSON); the holder still has the Date.
    const held = key === '' ? value : (this as Record<string, unknown>)[key];
    if (held instanceof Date) return { $date: held.getTime() };
    if (value instanceof Map) return { $map: [...value] };
    if (value instanceof Set) return { $set: [...value] };
    if (value === undefined) return { $undefined: true };
    if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
    return value;
  });
}

/**
 * A digest of a value written out canonically: equal inputs, equal digests.
 * @returns base64 SHA-256
 */
export function digestOf(input: unknown): string {
  return createHash('sha256').update(canonical(input)).digest('base64');
}

export interface ResultMemo {
  /**
   * The remembered answer to `input` for `task`, or the answer `compute` gives, remembered.
   * Every caller gets its own copy, so a caller that changes its answer changes nobody else's.
   */
  through<T>(task: string, input: unknown, compute: () => Promise<T>): Promise<T>;
  /** How many answers came from memory and how many were computed. */
  readonly counts: { hits: number; misses: number };
}

/**
 * A memo of at most `capacity` answers, the least recently used forgotten first.
 * @param capacity answers kept (0: nothing is remembered)
 */
export function createResultMemo(capacity: number): ResultMemo {
  const answers = new Map<string, unknown>();
  const counts = { hits: 0, misses: 0 };
  return {
    counts,
    async through<T>(task: string, input: unknown, compute: () => Promise<T>): Promise<T> {
      if (capacity <= 0) {
        counts.misses += 1;
        return compute();
      }
      const key = createHash('sha256').update(task).update('\0').update(canonical(input)).digest('base64');
      if (answers.has(key)) {
        const answer = answers.get(key) as T;
        answers.delete(key);
        answers.set(key, answer);
        counts.hits += 1;
        return structuredClone(answer);
      }
      counts.misses += 1;
      const answer = await compute();
      answers.set(key, structuredClone(answer));
      while (answers.size > capacity) answers.delete(answers.keys().next().value as string);
      return answer;
    },
  };
}
