/**
 * One analysis per (document, version): concurrent requests for the same
 * version share one run; a newer version cancels the older run; the cache is
 * bounded. Pure (no `vscode`) so its rules are unit-tested; the glue in
 * `document-analysis.ts` feeds it documents and edit events.
 */

export interface CancelFlag {
  readonly cancelled: boolean;
}

interface Entry<V> {
  readonly version: number;
  /** Set by `invalidate`: the value is kept for `latest` (surfaces keep showing it) but `get` computes again. */
  stale?: boolean;
  readonly flag: { cancelled: boolean };
  readonly promise: Promise<V | undefined>;
  value?: V;
  done: boolean;
  /** The newest finished value of an earlier run, for `latest` while this one computes. */
  readonly previous?: { readonly version: number; readonly value: V };
}

export class VersionedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly maxEntries = 64) {}

  /** The finished value for exactly this version, without computing. */
  peek(key: string, version: number): V | undefined {
    const e = this.entries.get(key);
    return e && e.version === version && e.done ? e.value : undefined;
  }

  /** The newest finished value for the key, whatever its version (for surfaces that tolerate staleness). */
  latest(key: string): { readonly version: number; readonly value: V } | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    return e.done && e.value !== undefined ? { version: e.version, value: e.value } : e.previous;
  }

  /** Whether a run for this version is in flight or finished (and not invalidated since). */
  has(key: string, version: number): boolean {
    const e = this.entries.get(key);
    return e?.version === version && !e.stale;
  }

  /**
   * The value for this version: shared if already running or done, else computed.
   * A run for an older version is cancelled (its flag set) and replaced.
   * A rejected computation yields `undefined` and is forgotten, so a retry recomputes.
   */
  get(key: string, version: number, compute: (flag: CancelFlag) => Promise<V | undefined>): Promise<V | undefined> {
    const existing = this.entries.get(key);
    if (existing && existing.version === version && !existing.stale) return existing.promise;
    if (existing && !existing.done) existing.flag.cancelled = true;
    const flag = { cancelled: false };
    const previous = existing?.done && existing.value !== undefined ? { version: existing.version, value: existing.value } : existing?.previous;
    const entry: Entry<V> = {
      version,
      flag,
      done: false,
      ...(previous ? { previous } : {}),
      promise: Promise.resolve()
        .then(() => compute(flag))
        .then(
          (value) => {
            if (flag.cancelled) return undefined;
            entry.value = value;
            entry.done = true;
            return value;
          },
          (err: unknown) => {
            if (this.entries.get(key) === entry) this.entries.delete(key);
            throw err;
          },
        ),
    };
    this.entries.delete(key); // re-insert: Map order doubles as recency order
    this.entries.set(key, entry);
    this.evict();
    return entry.promise;
  }

  /**
   * Something the value depends on changed (the workspace's repository index became ready): the
   * next `get` computes again, while `latest` keeps answering with the old value until the new one
   * lands, so nothing a surface shows disappears in between. A run in flight is cancelled.
   */
  invalidate(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.stale = true;
    if (!e.done) e.flag.cancelled = true;
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (e) e.flag.cancelled = true;
    this.entries.delete(key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.delete(oldest);
    }
  }
}
