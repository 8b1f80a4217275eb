/**
 * Detection quality against hand labels of public agent code (`test/corpus/labels.json`):
 * recall and precision for prompts, calls and agent loops, and how often the model name read
 * from code equals the label. `npm run bench:detect` prints the table and every miss and false
 * positive; `npm run bench` includes the summary metrics.
 *
 * Files whose licence does not allow keeping a copy are labelled only; they are read from a local
 * git mirror when one exists (`TOKENOMICS_CORPUS_MIRROR`, default `/work/.mirror`) and skipped otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchMetric, BenchModule } from './harness';
import { detectFile, type DetectedFile } from '../src/core/detect';

type Range = [number, number];
interface LabeledFile {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
  readonly stored: string | null;
  readonly prompts: Range[];
  readonly calls: [number, number, string | null][];
  readonly loops: [number, number, boolean | null][];
  /** `dev`: looked at while writing the rules; `holdout`: labelled first, then scored once before any fix. */
  readonly set?: CorpusSet;
}

type CorpusSet = 'dev' | 'holdout' | 'holdout2' | 'holdout3';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface QualityResult {
  readonly files: number;
  readonly skipped: readonly string[];
  readonly prompts: Tally;
  readonly calls: Tally;
  readonly loops: Tally;
  readonly models: { correct: number; labeled: number };
  readonly loopBounds: { correct: number; labeled: number };
  readonly notes: readonly string[];
}

function readLabeled(root: string, file: LabeledFile): string | undefined {
  if (file.stored) {
    const p = join(root, 'test', 'corpus', file.stored);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  }
  const mirror = join(process.env.TOKENOMICS_CORPUS_MIRROR ?? '/work/.mirror', file.repo.replace('/', '+'), 'repo');
  if (!existsSync(mirror)) return undefined;
  try {
    return execFileSync('git', ['-C', mirror, 'show', `${file.commit}:${file.path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Greedy one-to-one matching: a detected site matches the first unmatched label whose range holds its first line. */
function match<L extends readonly [number, number, ...unknown[]]>(labels: readonly L[], lines: readonly number[]): { pairs: [L, number][]; missed: L[]; extra: number[] } {
  const used = new Set<number>();
  const pairs: [L, number][] = [];
  const extra: number[] = [];
  for (const line of lines) {
    const i = labels.findIndex((l, k) => !used.has(k) && l[0] <= line && line <= l[1]);
    if (i < 0) extra.push(line);
    else {
      used.add(i);
      pairs.push([labels[i], line]);
    }
  }
  return { pairs, missed: labels.filter((_, k) => !used.has(k)), extra };
}

export async function measureQuality(root: string, set?: CorpusSet): Promise<QualityResult> {
  const all = JSON.parse(readFileSync(join(root, 'test', 'corpus', 'labels.json'), 'utf8')) as { files: LabeledFile[] };
  const labels = { files: all.files.filter((f) => !set || (f.set ?? 'dev') === set) };
  const prompts: Tally = { tp: 0, fp: 0, fn: 0 };
  const calls: Tally = { tp: 0, fp: 0, fn: 0 };
  const loops: Tally = { tp: 0, fp: 0, fn: 0 };
  const models = { correct: 0, labeled: 0 };
  const loopBounds = { correct: 0, labeled: 0 };
  const skipped: string[] = [];
  const notes: string[] = [];
  let files = 0;
  for (const file of labels.files) {
    const text = readLabeled(root, file);
    const name = `${file.repo}/${file.path}`;
    if (text === undefined) {
      skipped.push(name);
      continue;
    }
    files++;
    const found: DetectedFile = await detectFile(text, file.path);
    const p = match(file.prompts.map((r) => [r[0], r[1]] as const), found.prompts.map((x) => x.line));
    prompts.tp += p.pairs.length;
    prompts.fp += p.extra.length;
    prompts.fn += p.missed.length;
    for (const m of p.missed) notes.push(`prompt missed   ${name}:${m[0]}-${m[1]}`);
    for (const e of p.extra) notes.push(`prompt extra    ${name}:${e}`);

    const countedCalls = found.calls;
    const c = match(file.calls, countedCalls.map((x) => x.line));
    calls.tp += c.pairs.length;
    calls.fp += c.extra.length;
    calls.fn += c.missed.length;
    for (const m of c.missed) notes.push(`call missed     ${name}:${m[0]}-${m[1]}`);
    for (const e of c.extra) notes.push(`call extra      ${name}:${e}`);
    for (const [label, line] of c.pairs) {
      if (label[2] === null) continue;
      models.labeled++;
      const got = countedCalls.find((x) => x.line === line)?.model;
      if (got === label[2]) models.correct++;
      else notes.push(`model wrong     ${name}:${line} expected ${label[2]}, got ${got ?? '(none)'}`);
    }

    const l = match(file.loops, found.loops.map((x) => x.line));
    loops.tp += l.pairs.length;
    loops.fp += l.extra.length;
    loops.fn += l.missed.length;
    for (const m of l.missed) notes.push(`loop missed     ${name}:${m[0]}-${m[1]}`);
    for (const e of l.extra) notes.push(`loop extra      ${name}:${e}`);
    for (const [label, line] of l.pairs) {
      if (label[2] === null) continue;
      loopBounds.labeled++;
      const got = found.loops.find((x) => x.line === line);
      const bounded = got ? !got.unbounded : undefined;
      if (bounded === label[2]) loopBounds.correct++;
      else notes.push(`loop bound      ${name}:${line} expected ${label[2] ? 'bounded' : 'unbounded'}`);
    }
  }
  return { files, skipped, prompts, calls, loops, models, loopBounds, notes };
}

const recall = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
const precision = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));

function metrics(q: QualityResult): BenchMetric[] {
  const out: BenchMetric[] = [];
  for (const [name, t, target] of [
    ['prompts', q.prompts, 0.9],
    ['calls', q.calls, 0.9],
    ['loops', q.loops, 0.85],
  ] as const) {
    out.push({ name: `${name} recall`, value: recall(t), unit: 'ratio', better: 'higher', note: `target ≥ ${target}; tp ${t.tp}, fn ${t.fn}` });
    out.push({ name: `${name} precision`, value: precision(t), unit: 'ratio', better: 'higher', note: `target ≥ ${target}; tp ${t.tp}, fp ${t.fp}` });
  }
  out.push({ name: 'model names', value: q.models.labeled ? q.models.correct / q.models.labeled : 1, unit: 'ratio', better: 'higher', note: `${q.models.correct}/${q.models.labeled}` });
  out.push({ name: 'loop bounds', value: q.loopBounds.labeled ? q.loopBounds.correct / q.loopBounds.labeled : 1, unit: 'ratio', better: 'higher', note: `${q.loopBounds.correct}/${q.loopBounds.labeled}` });
  return out;
}

export const benchModule: BenchModule = {
  name: 'detect-quality',
  description: 'detection recall/precision on hand-labelled public agent code (test/corpus)',
  async run(context: BenchContext): Promise<readonly BenchMetric[]> {
    const q = await measureQuality(context.root);
    context.log(`${q.files} files scored, ${q.skipped.length} skipped (labels only, no local mirror)`);
    return metrics(q);
  },
};

if (require.main === module) {
  const root = process.env.TOKENOMICS_ROOT ?? join(__dirname, '..', '..');
  Promise.all([measureQuality(root), measureQuality(root, 'dev'), measureQuality(root, 'holdout'), measureQuality(root, 'holdout2'), measureQuality(root, 'holdout3')]).then(
    ([q, dev, holdout, holdout2, holdout3]) => {
      const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
      const table = (title: string, r: QualityResult): string[] => [
        `${title}: ${r.files} labelled files${r.skipped.length ? ` (${r.skipped.length} skipped: ${r.skipped.join(', ')})` : ''}`,
        'kind      recall   precision    tp   fn   fp',
        ...(['prompts', 'calls', 'loops'] as const).map((k) => {
          const t = r[k];
          return `${k.padEnd(8)}  ${pct(recall(t)).padStart(6)}   ${pct(precision(t)).padStart(9)}   ${String(t.tp).padStart(3)}   ${String(t.fn).padStart(2)}   ${String(t.fp).padStart(2)}`;
        }),
        `model names read correctly: ${r.models.correct}/${r.models.labeled}; loops bounded/unbounded correct: ${r.loopBounds.correct}/${r.loopBounds.labeled}`,
        '',
      ];
      const lines = [
        ...table('All', q),
        ...table('Development set', dev),
        ...table('Held-out set 1 (scored once, then its misses fixed)', holdout),
        ...table('Held-out set 2 (labelled after the rules were frozen)', holdout2),
        ...table('Held-out set 3 (labelled after the rules were frozen)', holdout3),
        'Misses and false positives:',
        ...q.notes,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    },
    (err) => {
      process.stderr.write(`bench:detect: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
