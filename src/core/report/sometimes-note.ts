/**
 * The note on a loop whose steps reach some requests only under a condition (a judge run once the task
 * is done, a compaction every n steps): the loop is priced per step on the request every step sends, and
 * these are named so the estimate says what it leaves out.
 */
import type { SiteAssumption, SourceRef } from './types';

const MAX_NAMED = 3;

export function sometimesNote(sites: readonly SourceRef[]): SiteAssumption {
  const named = sites.slice(0, MAX_NAMED).map((s) => `${s.path}:${s.line}`);
  const more = sites.length > MAX_NAMED ? ` and ${sites.length - MAX_NAMED} more` : '';
  return {
    subject: 'steps',
    value: `${sites.length} conditional request${sites.length === 1 ? '' : 's'}`,
    from: 'code',
    detail: `sent on some steps only (under a condition), not priced per step: ${named.join(', ')}${more}`,
  };
}
