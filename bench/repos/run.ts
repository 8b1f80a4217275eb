/**
 * `npm run bench:repos [-- --json] [-- --repo NAME] [-- --misses] [-- --role tuning|held-out] [-- --record-first-sight] [-- --census]`
 *
 * Scans each exported corpus repository (bench/repos/corpus.json) WHOLE with the CLI's engine
 * (`scanPaths`, the bundled catalog, default assumptions), times it, and scores the labeled files
 * (bench/repos/labels/) by the rules in score.ts. Exports come from scripts/corpus/export.mjs; a
 * repository not exported is named with the command that exports it, and skipped.
 * `--misses` lists every miss, wrong model/bound, extra report and trap taken, with the label's note.
 * `--census` counts, per rule that found a site or resolved its model/bound, the repositories where it matched
 * labels and the wrong reports it made (census.ts); held-out repositories only with `--show-held-out`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliCatalog } from '../../src/cli/catalog-source';
import { resolveModel } from '../../src/core/catalog';
import { configToAssumptions, DEFAULT_CONFIG } from '../../src/core/config/types';
import { defaultJobs } from '../../src/node/detect-pool';
import { scanPaths } from '../../src/node/scan';
import { walkPaths } from '../../src/node/walk';
import { cpuMs } from '../harness';
import { readCorpus, readLabels, type CorpusRepo, type LabelKind, LABEL_KINDS } from './labels';
import { readFirstSight, recordFirstSight, type FirstSightEntry } from './first-sight';
import { scoreFile } from './score';
import { censusOfRepo, firstSightSets, summarizeCensus, type RepoCensus } from './census';
import { printCensus, writeCensus } from './census-print';
import { accuracy, labelCounts, precision, projectedSeconds, recall, SPEED_TARGET, summarizeRoles, sumKinds, TARGETS, type RepoResult } from './summary';

const ROOT = resolve(__dirname, '..', '..', '..');

interface Flags {
  census: boolean;
  json: boolean;
  misses: boolean;
  recordFirstSight: boolean;
  repo?: string;
  role?: string;
  /** Print the misses of held-out repositories too (for the note that reports them, never while writing rules). */
  showHeldOut: boolean;
}

function parseArgs(argv: readonly string[]): Flags {
  const flags: Flags = { census: false, json: false, misses: false, recordFirstSight: false, showHeldOut: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') flags.json = true;
    else if (a === '--misses') flags.misses = true;
    else if (a === '--record-first-sight') flags.recordFirstSight = true;
    else if (a === '--repo') flags.repo = argv[++i];
    else if (a === '--role') flags.role = argv[++i];
    else if (a === '--show-held-out') flags.showHeldOut = true;
    else if (a === '--census') flags.census = true;
    else throw new Error(`unknown argument ${a} (use --json, --misses, --census, --show-held-out, --repo NAME, --role tuning|held-out, --record-first-sight)`);
  }
  return flags;
}

export function exportDir(repo: string): string {
  return join(process.env.TOKENOMICS_CORPUS_DIR ?? join(homedir(), '.cache', 'tokenomics-corpus'), repo.replace('/', '+'));
}

/** Why the export cannot be used, or undefined when it is there at the corpus commit. */
function exportProblem(entry: CorpusRepo): string | undefined {
  const dir = exportDir(entry.repo);
  const how = `export it with: node scripts/corpus/export.mjs ${entry.repo}`;
  if (!existsSync(dir) || !existsSync(`${dir}.export.json`)) return `not exported at ${dir}; ${how}`;
  const manifest = JSON.parse(readFileSync(`${dir}.export.json`, 'utf8')) as { commit: string };
  if (manifest.commit !== entry.commit) return `exported at ${manifest.commit.slice(0, 10)}, the corpus pins ${entry.commit.slice(0, 10)}; ${how}`;
  return undefined;
}

async function countLines(dir: string): Promise<{ lines: number; files: number }> {
  const walked = await walkPaths(dir, [dir]);
  let lines = 0;
  for (const file of walked.files) {
    const text = readFileSync(file, 'utf8');
    lines += text.length ? text.split('\n').length - (text.endsWith('\n') ? 1 : 0) : 0;
  }
  return { lines, files: walked.files.length };
}

/** `census`: where to add the repository's rule census (census.ts), when asked for. */
async function runRepo(entry: CorpusRepo, census?: RepoCensus[]): Promise<RepoResult> {
  const dir = exportDir(entry.repo);
  const labels = readLabels(ROOT, entry);
  const cpuStart = cpuMs();
  const start = performance.now();
  const report = await scanPaths([dir], { catalog: cliCatalog(), assumptions: configToAssumptions(DEFAULT_CONFIG), resolveModel, root: dir, cwd: dir, jobs: defaultJobs('cli') });
  const scanMs = performance.now() - start;
  const scanCpuMs = cpuMs() - cpuStart;
  const byPath = new Map(report.files.map((f) => [f.path, f]));
  const promptsInFile = (path: string): number => byPath.get(path)?.prompts.length ?? 0;
  const scores = labels.map((l) => scoreFile(l, byPath.get(l.path), census ? (path) => byPath.get(path)?.prompts ?? [] : promptsInFile));
  census?.push(censusOfRepo(entry, report.files, scores, firstSightSets(readFirstSight(ROOT)).get(entry.repo)));
  const { lines, files } = await countLines(dir);
  return { repo: entry.repo, commit: entry.commit, role: entry.role, lines, files, scanMs, scanCpuMs, labeledFiles: labels.length, kinds: sumKinds(scores), findings: scores.flatMap((s) => s.findings) };
}

const pct = (x: number | undefined): string => (x === undefined ? '   —' : `${Math.round(x * 100)}%`.padStart(4));

function kindCell(r: RepoResult, k: LabelKind): string {
  const s = r.kinds[k];
  if (!s.expected && !s.reported) return '—'.padEnd(24);
  return `${pct(recall(s))} ${pct(precision(s))} ${pct(accuracy(s))} ${String(s.traps).padStart(2)}t`.padEnd(24);
}

function printTable(results: readonly RepoResult[], log: (s: string) => void): void {
  log('Per kind: recall (found, with right model/bound) · precision · model/bound accuracy of sites found at their place · traps taken');
  log(`${'repository'.padEnd(38)} ${'role'.padEnd(9)} ${'calls'.padEnd(24)} ${'loops'.padEnd(24)} ${'prompts'.padEnd(24)} ${'lines'.padStart(8)} ${'scan s'.padStart(7)} ${'cpu s'.padStart(6)}`);
  for (const r of results) {
    log(`${r.repo.padEnd(38)} ${r.role.padEnd(9)} ${kindCell(r, 'calls')} ${kindCell(r, 'loops')} ${kindCell(r, 'prompts')} ${String(r.lines).padStart(8)} ${(r.scanMs / 1000).toFixed(1).padStart(7)} ${(r.scanCpuMs / 1000).toFixed(1).padStart(6)}`);
  }
  const firstSight = readFirstSight(ROOT);
  for (const r of results) {
    const before = firstSight.find((e) => e.repo === r.repo && e.commit === r.commit);
    if (before) log(`${r.repo}: first sight ${before.measuredAt.slice(0, 10)} (tokenomics ${before.tokenomicsCommit.slice(0, 7)}) → now: ${compareFirstSight(before, r)}`);
  }
  for (const s of summarizeRoles(results)) {
    const parts = LABEL_KINDS.map((k) => `${k} R ${pct(recall(s.kinds[k]))} P ${pct(precision(s.kinds[k]))} (${s.kinds[k].found}/${s.kinds[k].expected}, ${s.kinds[k].traps} traps)` + (s.role === 'held-out' && s.meets[k] !== undefined ? ` target ≥${TARGETS[k]}: ${s.meets[k] ? 'met' : 'NOT met'}` : ''));
    log(`${s.role} (${s.repos} repos): ${parts.join(' · ')}`);
  }
  // Start-up costs dominate small repositories: only a large one says anything about the target.
  const largest = [...results].sort((a, b) => b.lines - a.lines)[0];
  if (!largest || largest.lines < SPEED_TARGET.lines / 3) log(`speed: no repository of ${SPEED_TARGET.lines / 3}+ lines scanned in this run; the speed target is judged on the largest (run without --repo/--role)`);
  else {
    const projected = projectedSeconds(largest);
    log(`speed: ${largest.repo} ${largest.lines} lines in ${(largest.scanMs / 1000).toFixed(1)} s → ${projected.toFixed(1)} s per ${SPEED_TARGET.lines} lines (target < ${SPEED_TARGET.seconds} s: ${projected < SPEED_TARGET.seconds ? 'met' : 'NOT met'})`);
  }
}

function compareFirstSight(before: FirstSightEntry, now: RepoResult): string {
  return LABEL_KINDS.filter((k) => before.kinds[k].expected || now.kinds[k].expected)
    .map((k) => `${k} R ${pct(before.kinds[k].recall ?? undefined)}→${pct(recall(now.kinds[k]))} P ${pct(before.kinds[k].precision ?? undefined)}→${pct(precision(now.kinds[k]))}`)
    .join(' · ');
}

/**
 * Every miss with its label's note. Held-out repositories' misses are left out unless asked for:
 * whoever writes rules reads this list, and a held-out label read is a held-out label tuned on.
 */
function printFindings(results: readonly RepoResult[], log: (s: string) => void, showHeldOut: boolean): void {
  for (const r of results) {
    if (!r.findings.length) continue;
    if (r.role === 'held-out' && !showHeldOut) {
      log(`\n${r.repo} (held-out): ${r.findings.length} misses not shown (add --show-held-out to report them; never while writing rules)`);
      continue;
    }
    log(`\n${r.repo} (${r.role})`);
    for (const f of r.findings) {
      const what = [f.expected !== undefined ? `expected ${f.expected}` : '', f.got !== undefined ? `got ${f.got}` : ''].filter(Boolean).join(', ');
      log(`  ${f.kind.padEnd(7)} ${f.type.padEnd(11)} ${f.path}:${f.line}  ${what}${f.note ? `  — ${f.note}` : ''}`);
    }
  }
}

async function main(): Promise<void> {
  const flags = parseArgs(process.argv.slice(2));
  const corpus = readCorpus(ROOT).filter((e) => (!flags.repo || e.repo === flags.repo || e.repo.endsWith(`/${flags.repo}`)) && (!flags.role || e.role === flags.role));
  if (!corpus.length) throw new Error(`no corpus repository matches ${flags.repo ?? flags.role}`);
  const log = flags.json ? (s: string) => process.stderr.write(`${s}\n`) : (s: string) => process.stdout.write(`${s}\n`);
  const results: RepoResult[] = [];
  const censuses: RepoCensus[] = [];
  const skipped: { repo: string; reason: string }[] = [];
  for (const entry of corpus) {
    const problem = exportProblem(entry);
    if (problem) {
      skipped.push({ repo: entry.repo, reason: problem });
      log(`skipped ${entry.repo}: ${problem}`);
      continue;
    }
    log(`scanning ${entry.repo} …`);
    // A census of a held-out repository reads its labels site by site: only when asked, never while writing rules.
    results.push(await runRepo(entry, flags.census && (entry.role !== 'held-out' || flags.showHeldOut) ? censuses : undefined));
  }
  if (flags.recordFirstSight) {
    const added = recordFirstSight(ROOT, results);
    log(added.length ? `first sight recorded for ${added.join(', ')} in bench/repos/first-sight.json` : 'first sight: every repository measured here already has an entry (never overwritten)');
  }
  const census = flags.census ? summarizeCensus(censuses) : undefined;
  const censusPath = census && writeCensus(ROOT, census, censuses);
  if (flags.json) {
    const labelsPerRepo = Object.fromEntries(corpus.map((e) => [e.repo, labelCounts(readLabels(ROOT, e))]));
    process.stdout.write(JSON.stringify({ measuredAt: new Date().toISOString(), results: results.map(({ findings, ...r }) => ({ ...r, ...(flags.misses && (r.role !== 'held-out' || flags.showHeldOut) ? { findings } : {}) })), roles: summarizeRoles(results), labels: labelsPerRepo, skipped }, null, 2) + '\n');
    return;
  }
  printTable(results, log);
  if (flags.misses) printFindings(results, log, flags.showHeldOut);
  if (census) printCensus(census, log);
  if (census) log(`census written to ${censusPath}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:repos: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
