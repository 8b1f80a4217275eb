/**
 * `tokenomics scan [paths…]`: every prompt, model call and agent loop under the
 * paths, priced, as a table, Markdown (for a pull-request comment), JSON (the
 * ScanReport contract), CSV or SARIF; exit 1 when a budget is exceeded.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveModel } from '../../core/catalog';
import type { Environment } from '../../core/config/environment';
import { renderScan } from '../../core/report/render';
import { ALL_SCOPES, DEFAULT_HEADLINE_SCOPES } from '../../core/report/totals';
import type { SiteScope } from '../../core/report/types';
import type { Assumptions } from '../../core/workload';
import { parseShard } from '../../core/report/shards';
import type { ScanReport } from '../../core/report/types';
import { scanPaths, DEFAULT_MAX_FILE_BYTES, type ScanProgress } from '../../node/scan';
import { defaultJobs } from '../../node/detect-pool';
import { formatFlagHelp, parseFlags, type FlagSpecs } from '../args';
import { cliEnvironment } from '../catalog-source';
import { UsageError, UserError, type CliCommand, type CliIo } from '../command';

export const SCAN_FORMATS = ['table', 'markdown', 'json', 'csv', 'sarif'] as const;
const FORMATS = SCAN_FORMATS;

const FLAGS = {
  format: { type: 'string', valueName: 'FMT', choices: FORMATS, description: 'output format', defaultText: 'table' },
  model: { type: 'string', valueName: 'ID', description: 'default model for code that names none (or an unknown one)' },
  'budget-per-call': { type: 'number', valueName: 'USD', description: 'exit 1 when a model call costs more' },
  'budget-per-task': { type: 'number', valueName: 'USD', description: 'exit 1 when an agent task costs more' },
  'budget-monthly': { type: 'number', valueName: 'USD', description: 'exit 1 when the projected monthly total is higher' },
  'budget-on': { type: 'string', valueName: 'FIGURE', choices: ['expected', 'high'], description: 'check budgets against the expected figure or the high end of its range', defaultText: 'expected' },
  'include-scope': {
    type: 'string',
    valueName: 'SCOPES',
    multiple: true,
    description: `add these scopes to the total (${ALL_SCOPES.filter((s) => s !== 'runtime').join(', ')}); comma-separated or repeated`,
  },
  'all-scopes': { type: 'boolean', description: 'add every scope to the total' },
  'calls-per-day': { type: 'number', valueName: 'N', description: 'calls or tasks per site per day, for monthly figures' },
  exclude: { type: 'string', valueName: 'GLOB', multiple: true, description: 'skip paths matching the glob (relative to the root); repeatable' },
  'no-gitignore': { type: 'boolean', description: 'scan files that .gitignore excludes' },
  'max-file-size': { type: 'integer', valueName: 'KB', min: 1, description: 'skip larger files', defaultText: String(DEFAULT_MAX_FILE_BYTES / 1024) },
  config: { type: 'string', valueName: 'PATH', description: 'settings file', defaultText: 'tokenomics.json at the root' },
  all: { type: 'boolean', description: 'list every site in the table (default: the 50 costliest)' },
  jobs: { type: 'integer', valueName: 'N', min: 0, description: 'detection worker threads (0: on the main thread)', defaultText: 'number of cores' },
  shard: { type: 'string', valueName: 'I/N', description: 'report only shard I of N (a stable split by path; combine with tokenomics merge)' },
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics scan [paths…] [--format table|markdown|json|csv|sarif] [--model ID] [--budget-… USD]

Finds every prompt, model call and agent loop under the paths (default: the current directory),
honouring .gitignore and tokenomics.json "exclude", and prices each one with the model the code
names (or the default model). Monthly figures assume calls-per-day calls or tasks per site.
Every figure comes with its range from the assumed inputs: $0.38 (0.21–0.95). The total is the
runtime code's priced sites; tests, examples, docs, notebooks and coding-agent instruction files
are listed apart unless --include-scope or --all-scopes adds them.

Options:
${formatFlagHelp(FLAGS)}

Exit status: 0 ok, 1 a budget is exceeded (the offenders are named on stderr), 2 usage error.

Examples:
  tokenomics scan
  tokenomics scan src agents --format markdown > cost.md
  tokenomics scan --budget-per-task 0.50 --budget-monthly 2000 --calls-per-day 5000
  tokenomics scan --budget-monthly 2000 --budget-on high
  tokenomics scan --include-scope test,example
  tokenomics scan --format sarif > tokenomics.sarif
`;

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'find and price every prompt, model call and agent loop in a codebase',
  usage: USAGE,
  async run(argv, io) {
    const { flags, positionals } = parseFlags(argv, FLAGS, Number.MAX_SAFE_INTEGER);
    const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined;
    if (flags.shard !== undefined && !shard) throw new UsageError(`--shard expects I/N with 1 ≤ I ≤ N (e.g. 2/8), got '${flags.shard}'`);
    const paths = (positionals.length ? positionals : ['.']).map((p) => resolve(io.cwd, p));
    const missing = (positionals.length ? positionals : ['.']).filter((_, i) => !existsSync(paths[i]));
    if (missing.length > 0) throw new UserError(`no such file or directory: ${missing.join(', ')}`);
    const root = paths.length === 1 && isDirectory(paths[0]) ? paths[0] : io.cwd;

    const configPath = flags.config ? resolve(io.cwd, flags.config) : join(root, 'tokenomics.json');
    const settings = scanEnvironment(io, configPath, Boolean(flags.config));

    const budgets = {
      ...settings.assumptions.budgets,
      ...(flags['budget-per-call'] !== undefined ? { perCallUsd: flags['budget-per-call'] } : {}),
      ...(flags['budget-per-task'] !== undefined ? { perTaskUsd: flags['budget-per-task'] } : {}),
      ...(flags['budget-monthly'] !== undefined ? { monthlyUsd: flags['budget-monthly'] } : {}),
      ...(flags['budget-on'] !== undefined ? { on: flags['budget-on'] } : {}),
    };
    const headlineScopes = scopesOf(flags['include-scope'] ?? [], Boolean(flags['all-scopes']));
    const assumptions: Assumptions = {
      ...settings.assumptions,
      ...(flags.model ? { defaultModel: flags.model } : {}),
      ...(flags['calls-per-day'] !== undefined ? { callsPerDay: flags['calls-per-day'] } : {}),
      budgets,
    };

    const bar = io.stderrIsTty ? progressBar(io) : undefined;
    const report = await scanPaths(
      paths,
      {
        catalog: settings.catalog,
        assumptions,
        resolveModel,
        root,
        cwd: io.cwd,
        exclude: [...settings.config.exclude, ...(flags.exclude ?? [])],
        respectGitignore: !flags['no-gitignore'],
        maxFileBytes: flags['max-file-size'] !== undefined ? flags['max-file-size'] * 1024 : undefined,
        headlineScopes,
        jobs: flags.jobs ?? defaultJobs('cli'),
        ...(shard ? { shard } : {}),
      },
      bar?.update,
    );
    bar?.done();

    io.stdout(renderScan(report, flags.format ?? 'table', Boolean(flags.all)));
    if (report.budgetExceeded.length > 0) {
      io.stderr(`tokenomics scan: ${report.budgetExceeded.length} budget${report.budgetExceeded.length === 1 ? '' : 's'} exceeded:\n`);
      for (const b of report.budgetExceeded) io.stderr(`  ${b.path ? `${b.path}:${b.line}: ` : ''}${b.message}\n`);
      return 1;
    }
    return 0;
  },
};

/** A scan report in one of scan's formats (also `merge`'s output). */
export function renderScanReport(format: (typeof FORMATS)[number], report: ScanReport, all: boolean): string {
  return renderScan(report, format, all);
}

/** The scopes of the total: runtime, plus the ones named (validated here: the flag takes a comma list). */
function scopesOf(named: readonly string[], all: boolean): readonly SiteScope[] {
  if (all) return ALL_SCOPES;
  const out: SiteScope[] = [...DEFAULT_HEADLINE_SCOPES];
  for (const name of named) {
    const scope = ALL_SCOPES.find((s) => s === name.trim().toLowerCase());
    if (!scope) throw new UserError(`--include-scope must be one of ${ALL_SCOPES.join(', ')} (got '${name}')`);
    if (!out.includes(scope)) out.push(scope);
  }
  return out;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** tokenomics.json when present, through the one environment loader; a missing `--config` file: defaults, said on stderr. */
function scanEnvironment(io: CliIo, path: string, required: boolean): Environment {
  if (required && !existsSync(path)) io.stderr(`tokenomics scan: ${path}: not found; using defaults\n`);
  return cliEnvironment(io, 'scan', path, false);
}

/** A one-line progress bar on stderr (only when stderr is a terminal). */
function progressBar(io: CliIo): { update: (p: ScanProgress) => void; done: () => void } {
  let last = 0;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const width = 24;
      const filled = p.total ? Math.round((p.done / p.total) * width) : 0;
      const name = p.current ? ` ${p.current.length > 40 ? `…${p.current.slice(-39)}` : p.current}` : '';
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}${name}\u001b[K`);
    },
    done: () => io.stderr('\r\u001b[K'),
  };
}
