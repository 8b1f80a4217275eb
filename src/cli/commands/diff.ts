/**
 * `tokenomics diff <base> [<head>]`: what a change does to LLM cost. Both
 * revisions are read from git (head: the working tree by default), scanned with
 * the head's settings, and compared site by site; printed as a table, a
 * pull-request comment (markdown, github) or JSON. Gates turn an increase into
 * exit 1 for CI.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveModel } from '../../core/catalog';
import { diffMarkdown, diffTable, signedUsd, type DiffReport } from '../../core/diff';
import { formatUsd } from '../../core/format';
import type { Assumptions } from '../../core/workload';
import { GitError } from '../../node/git/run';
import { RepoError } from '../../node/git/repo';
import { diffRevisions, type SideScanOptions } from '../../node/git/revisions';
import { DEFAULT_MAX_FILE_BYTES } from '../../node/scan';
import { formatFlagHelp, parseFlags, type FlagSpecs } from '../args';
import { cliEnvironment } from '../catalog-source';
import { UsageError, UserError, type CliCommand, type CliIo } from '../command';
import { renderText } from '../output';

const FORMATS = ['table', 'markdown', 'json', 'github'] as const;

const FLAGS = {
  format: { type: 'string', valueName: 'FMT', choices: FORMATS, description: 'output format (github: markdown + a sticky-comment marker line)', defaultText: 'table' },
  repo: { type: 'string', valueName: 'DIR', description: 'the git repository', defaultText: 'the current directory' },
  path: { type: 'string', valueName: 'DIR', description: 'compare only this folder of the repository', defaultText: 'the whole repository' },
  all: { type: 'boolean', description: 'list unchanged sites too' },
  config: { type: 'string', valueName: 'PATH', description: 'settings file for both sides', defaultText: "the head's tokenomics.json" },
  model: { type: 'string', valueName: 'ID', description: 'default model for code that names none (or an unknown one)' },
  'calls-per-day': { type: 'number', valueName: 'N', description: 'calls or tasks per site per day, for monthly figures' },
  exclude: { type: 'string', valueName: 'GLOB', multiple: true, description: 'skip paths matching the glob (relative to the compared folder); repeatable' },
  'max-file-size': { type: 'integer', valueName: 'KB', min: 1, description: 'skip larger files', defaultText: String(DEFAULT_MAX_FILE_BYTES / 1024) },
  'fail-on-increase': { type: 'number', valueName: 'USD', description: 'exit 1 when the monthly cost rises by more than this' },
  'fail-on-increase-percent': { type: 'number', valueName: 'P', description: 'exit 1 when the monthly cost rises by more than P percent' },
  'fail-on-site-increase': { type: 'number', valueName: 'USD', description: "exit 1 when one site's monthly cost rises by more than this" },
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics diff <base> [<head>] [--format table|markdown|json|github] [--fail-on-increase USD]

What a change does to LLM cost: the sites added, removed and changed between two revisions of a
git repository, with the monthly delta and why (model swap, prompt tokens, loop bound). <head>
defaults to the working tree (uncommitted and untracked files included). Both sides are read from
git into a temporary folder outside the repository and priced with the same catalog and settings;
the repository (work tree, index, HEAD, branches, stash) is never changed.

Options:
${formatFlagHelp(FLAGS)}

Exit status: 0 ok, 1 a --fail-on-… gate tripped (the offenders are named on stderr),
2 usage error, not a repository, or an unknown revision.

Examples:
  tokenomics diff main
  tokenomics diff origin/main HEAD --format markdown > cost.md
  tokenomics diff origin/$GITHUB_BASE_REF --format github --fail-on-increase 100
  tokenomics diff v1.2.0 v1.3.0 --format json --path services/agent
`;

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'what a change does to LLM cost: sites added, removed and changed between two git revisions',
  usage: USAGE,
  async run(argv, io) {
    const { flags, positionals } = parseFlags(argv, FLAGS, 2);
    if (positionals.length === 0) throw new UsageError('missing <base>: the revision to compare with (e.g. main, origin/main, HEAD~1)');
    const [base, head] = positionals;
    const dir = resolve(io.cwd, flags.repo ?? '.');
    if (!existsSync(dir)) throw new UserError(`no such directory: ${flags.repo ?? dir}`);
    const maxFileBytes = flags['max-file-size'] !== undefined ? flags['max-file-size'] * 1024 : DEFAULT_MAX_FILE_BYTES;

    const settings = (headRoot: string): SideScanOptions => {
      // The one environment loader, as scan and the editor: tokenomics.json, custom models, overrides.
      const s = cliEnvironment(io, 'diff', flags.config ? resolve(io.cwd, flags.config) : join(headRoot, 'tokenomics.json'), Boolean(flags.config));
      const assumptions: Assumptions = {
        ...s.assumptions,
        ...(flags.model ? { defaultModel: flags.model } : {}),
        ...(flags['calls-per-day'] !== undefined ? { callsPerDay: flags['calls-per-day'] } : {}),
      };
      return { catalog: s.catalog, assumptions, resolveModel, exclude: [...s.config.exclude, ...(flags.exclude ?? [])], respectGitignore: true, maxFileBytes };
    };

    let report: DiffReport;
    try {
      ({ report } = await diffRevisions({ dir, base, head, path: flags.path, maxFileBytes, includeUnchanged: Boolean(flags.all), settings }));
    } catch (err) {
      if (err instanceof RepoError || err instanceof GitError) throw new UserError(err.message);
      throw err;
    }

    io.stdout(render(flags.format ?? 'table', report));
    return gate(report, flags, io);
  },
};

function render(format: (typeof FORMATS)[number], report: DiffReport): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'markdown':
      return diffMarkdown(report);
    case 'github':
      return diffMarkdown(report, { marker: true });
    default:
      return renderText(diffTable(report));
  }
}

interface Gates {
  readonly 'fail-on-increase'?: number;
  readonly 'fail-on-increase-percent'?: number;
  readonly 'fail-on-site-increase'?: number;
}

/** Exit 1 with the offenders on stderr when a gate trips; 0 otherwise. */
function gate(report: DiffReport, flags: Gates, io: CliIo): number {
  const problems: string[] = [];
  const delta = report.delta.monthlyCost.usd;
  const rising = report.sites.filter((s) => s.monthly.delta !== null && s.monthly.delta > 0);
  const limit = flags['fail-on-increase'];
  if (limit !== undefined && delta > limit) problems.push(`monthly LLM cost rises by ${signedUsd(delta)}, more than --fail-on-increase ${formatUsd(limit)}`);
  const percentLimit = flags['fail-on-increase-percent'];
  if (percentLimit !== undefined && delta > 0 && (report.delta.percent === null || report.delta.percent > percentLimit)) {
    problems.push(`monthly LLM cost rises by ${report.delta.percent === null ? 'from $0' : `${report.delta.percent.toFixed(1)}%`}, more than --fail-on-increase-percent ${percentLimit}`);
  }
  const siteLimit = flags['fail-on-site-increase'];
  const siteOffenders = siteLimit !== undefined ? rising.filter((s) => s.monthly.delta! > siteLimit) : [];
  if (siteOffenders.length > 0) problems.push(`${siteOffenders.length} site${siteOffenders.length === 1 ? '' : 's'} rise${siteOffenders.length === 1 ? 's' : ''} by more than --fail-on-site-increase ${formatUsd(siteLimit!)} a month`);
  if (problems.length === 0) return 0;
  for (const p of problems) io.stderr(`tokenomics diff: ${p}\n`);
  const named = siteOffenders.length > 0 ? siteOffenders : rising.slice(0, 10);
  for (const s of named) io.stderr(`  ${s.path}:${s.line}: ${signedUsd(s.monthly.delta!)} a month (${s.reasons.join('; ')})\n`);
  return 1;
}
