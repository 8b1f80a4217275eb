/**
 * What a scan found but could not price: prompts with no request that sends them. A repository whose requests go
 * through code no rule follows (a raw HTTP request, a provider class picked at run time) otherwise reads "no model
 * calls", which a maintainer would take for a bill of nothing. The CLI's notes and the report view show this one text.
 */
import { formatInteger } from '../format';
import type { ScanReport } from './types';

export function unsentPromptsNote(report: Pick<ScanReport, 'files' | 'totals'>): string | undefined {
  if (report.totals.calls > 0 || report.totals.agentLoops > 0) return undefined;
  // Instruction and prompt files are priced on their own (per coding-agent request), so they are not what is missing.
  const prompts = report.files.reduce((n, f) => n + ((f.scope ?? 'runtime') === 'runtime' && !f.instructions ? f.prompts.length : 0), 0);
  if (prompts === 0) return undefined;
  const found = prompts === 1 ? '1 prompt' : `${formatInteger(prompts)} prompts`;
  return (
    `Found ${found} in runtime code but no request that sends ${prompts === 1 ? 'it' : 'them'}: the application may reach ` +
    'its model through code the scan cannot follow (a raw HTTP request, a provider class picked at run time), ' +
    'and the total leaves those requests out.'
  );
}
