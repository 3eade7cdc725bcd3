/**
 * Response bodies this process has sent, each kept with the validator (ETag) of what it answered,
 * so a read whose validator the database still gives can send the same bytes again without
 * reading, presenting and serialising its rows. It holds no state another server needs: every
 * use is confirmed against the database first, so a body is only ever sent while it is current,
 * whichever server wrote last. Least recently used bodies go first, by count and by size.
 */
export class ValidatedBodies {
  readonly #entries = new Map<string, { etag: string; body: string }>();
  #bytes = 0;

  /**
   * @param limits how many bodies, and how many characters in all, to keep at most
   */
  constructor(
    private readonly limits: { entries: number; chars: number } = { entries: 256, chars: 16_000_000 },
  ) {}

  /** The body kept for a question, whatever its validator, or undefined. */
  peek(key: string): { etag: string; body: string } | undefined {
    return this.#entries.get(key);
  }

  /**
   * The body kept for a question if it was sent under this validator (and marks it as used).
   * @param etag the validator the database gives now
   */
  take(key: string, etag: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.etag !== etag) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.body;
  }

  /** Keeps the body sent for a question under its validator, replacing what was kept for it. */
  keep(key: string, etag: string, body: string): void {
    this.#drop(key);
    if (body.length > this.limits.chars) return;
    this.#entries.set(key, { etag, body });
    this.#bytes += body.length;
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.limits.entries && this.#bytes <= this.limits.chars) break;
      this.#drop(oldest);
    }
  }

  /** How many bodies and characters are kept. */
  get size(): { entries: number; chars: number } {
    return { entries: this.#entries.size, chars: this.#bytes };
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.body.length;
    this.#entries.delete(key);
  }
}
