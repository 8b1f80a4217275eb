/**
 * `tokenomics merge a.json b.json …`: the JSON reports of `scan --shard i/n`
 * (all n of them) put back together into exactly the report one scan prints,
 * in any of scan's formats; exit 1 when a budget is exceeded, like scan.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MergeError, mergeShards, type ShardReport } from '../../core/report/shards';
import { formatFlagHelp, parseFlags, type FlagSpecs } from '../args';
import { UsageError, UserError, type CliCommand } from '../command';
import { renderScanReport, SCAN_FORMATS } from './scan';

const FLAGS = {
  format: { type: 'string', valueName: 'FMT', choices: SCAN_FORMATS, description: 'output format', defaultText: 'table' },
  all: { type: 'boolean', description: 'list every site in the table (default: the 50 costliest)' },
} as const satisfies FlagSpecs;

const USAGE = `Usage: tokenomics merge <shard.json…> [--format table|markdown|json|csv|sarif]

Combines the reports of \`tokenomics scan --shard i/n --format json\` (all n shards of one scan, in
any order) into the report that one scan of the whole tree prints: the same files, skipped entries,
totals and budget findings. Reports from different scans, missing or repeated shards are refused.

Options:
${formatFlagHelp(FLAGS)}

Exit status: 0 ok, 1 a budget is exceeded (the offenders are named on stderr), 2 usage error or
reports that do not make one scan.

Examples:
  tokenomics merge shard-*.json --format markdown >> "$GITHUB_STEP_SUMMARY"
  tokenomics merge shard-1.json shard-2.json --format json > tokenomics.json
`;

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'combine the reports of scan --shard i/n into what one scan prints',
  usage: USAGE,
  async run(argv, io) {
    const { flags, positionals } = parseFlags(argv, FLAGS, Number.MAX_SAFE_INTEGER);
    if (positionals.length === 0) throw new UsageError('give the shard reports to merge (files made by tokenomics scan --shard i/n --format json)');
    const reports = positionals.map((p): ShardReport => {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, p), 'utf8');
      } catch (err) {
        throw new UserError(`${p}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      }
      try {
        return JSON.parse(text) as ShardReport;
      } catch {
        throw new UserError(`${p}: not JSON (make it with tokenomics scan --shard i/n --format json)`);
      }
    });
    let merged: ShardReport;
    try {
      merged = mergeShards(reports);
    } catch (err) {
      if (err instanceof MergeError) throw new UserError(err.message);
      throw err;
    }
    io.stdout(renderScanReport(flags.format ?? 'table', merged, Boolean(flags.all)));
    if (merged.budgetExceeded.length > 0) {
      io.stderr(`tokenomics merge: ${merged.budgetExceeded.length} budget${merged.budgetExceeded.length === 1 ? '' : 's'} exceeded:\n`);
      for (const b of merged.budgetExceeded) io.stderr(`  ${b.path ? `${b.path}:${b.line}: ` : ''}${b.message}\n`);
      return 1;
    }
    return 0;
  },
};
