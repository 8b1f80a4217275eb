/**
 * The benchmark harness contract. A bench module is a top-level file `bench/<name>.ts` (or a folder
 * `bench/<name>/index.ts`) that exports `benchModule: BenchModule`; `bench/run.ts` finds it in the
 * compiled `out/bench/`, runs it, prints one table and writes `bench/results/latest.json`.
 *
 * Speed targets are ratios against a reference measured in the same run (never absolute times), so
 * a metric that has a reference carries `reference` and `ratio`; `better` says which way is good.
 */
export interface BenchMetric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same quantity for the reference implementation, measured in the same run. */
  readonly reference?: number;
  readonly referenceName?: string;
  /** value / reference. */
  readonly ratio?: number;
  readonly better?: 'higher' | 'lower';
  /** A target on the ratio, e.g. ≥ 1 (at least as fast as the reference). */
  readonly target?: { readonly min?: number; readonly max?: number };
  readonly note?: string;
}

export interface BenchContext {
  /** Repository root (where package.json is). */
  readonly root: string;
  /** `--quick`: smaller inputs / fewer repetitions (CI smoke run). */
  readonly quick: boolean;
  readonly log: (message: string) => void;
}

export interface BenchModule {
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<readonly BenchMetric[]>;
}

/** A metric compared with its reference: fills `ratio`. */
export function compared(
  metric: Omit<BenchMetric, 'ratio'> & { reference: number },
): BenchMetric {
  return { ...metric, ratio: metric.reference === 0 ? undefined : metric.value / metric.reference };
}

/** Median of a few timings, in ms, of `fn` (after one warm-up call unless `warmup` is false). */
export function medianMs(fn: () => unknown, repetitions: number, warmup = true): number {
  if (warmup) fn();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * CPU time of this process (user + system, all threads) in ms. For single-threaded work it is the
 * fairer clock on a shared machine: time spent waiting for a core is not counted.
 */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Median ms of each function, measured in interleaved rounds (a, b, c, then b, c, a, …) so that
 * load from other processes affects every contender alike: fairer ratios on a shared machine.
 */
export function interleavedMediansMs(fns: readonly (() => unknown)[], rounds: number, clock: 'wall' | 'cpu' = 'wall'): number[] {
  const now = clock === 'cpu' ? cpuMs : () => performance.now();
  fns.forEach((fn) => fn()); // warm-up
  const times: number[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (k + round) % fns.length;
      const start = now();
      fns[i]();
      times[i].push(now() - start);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

/** True when the ratio meets the metric's target (or there is none). */
export function meetsTarget(metric: BenchMetric): boolean {
  if (!metric.target || metric.ratio === undefined) return true;
  if (metric.target.min !== undefined && metric.ratio < metric.target.min) return false;
  if (metric.target.max !== undefined && metric.ratio > metric.target.max) return false;
  return true;
}
