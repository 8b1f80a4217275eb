/**
 * A bounded least-recently-used cache of token counts, keyed by the text itself. Hovers and
 * CodeLens re-ask for the same prompt text on every cursor move; counting a long prompt again is
 * wasted work. Bounded by entries and by total characters held, so large texts cannot pin memory.
 */
export class CountCache {
  private readonly entries = new Map<string, number>();
  private heldChars = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxTotalChars: number,
    /** Texts shorter than this are cheaper to count than to hash and store. */
    readonly minChars: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(text: string): number | undefined {
    if (text.length < this.minChars) return undefined;
    const count = this.entries.get(text);
    if (count === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(text);
    this.entries.set(text, count);
    return count;
  }

  set(text: string, count: number): void {
    if (text.length < this.minChars || text.length > this.maxTotalChars) return;
    if (this.entries.has(text)) this.entries.delete(text);
    else this.heldChars += text.length;
    this.entries.set(text, count);
    while (this.entries.size > this.maxEntries || this.heldChars > this.maxTotalChars) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.heldChars -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.heldChars = 0;
    this.hits = 0;
    this.misses = 0;
  }
}
