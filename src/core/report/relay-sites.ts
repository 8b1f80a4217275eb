/**
 * Relays as rows: a server route's request forwarding the app's own SDK requests (role `relay`, repo/relays.ts)
 * is listed on its line with the model of what it relays and its price per call, and says where it is counted:
 * "relays frontend/src/api/openai.ts:184, :245; counted there". Its monthly figure is not in any total (the
 * senders' are), so the CLI table, the CSV and the report view show none for it.
 */
import { scalePrice } from '../cost';
import { DAYS_PER_MONTH, type Assumptions } from '../workload';
import type { SiteCost } from './totals';
import type { FileReport } from './types';

export interface RelaySite extends SiteCost {
  /** The requests it relays, `path:line`. */
  readonly relays: readonly string[];
}

/** The relays of a file, as sites that add nothing to a total. */
export function relaySites(file: FileReport, assumptions: Assumptions): RelaySite[] {
  const scope = file.scope ?? 'runtime';
  return file.calls
    .filter((c) => c.role === 'relay' && c.relays?.length && !c.stepOf)
    .map((c) => ({
      path: file.path,
      siteId: c.id,
      line: c.line,
      kind: 'call' as const,
      framework: c.framework,
      model: c.modelResolved ?? c.model ?? assumptions.defaultModel,
      perUnit: c.costPerCall,
      monthly: scalePrice(c.costPerCall, c.workload.callsPerDay * DAYS_PER_MONTH),
      scope,
      relays: c.relays!,
    }));
}

/** `relays frontend/src/api/openai.ts:184, :245; counted there` */
export function relayNote(relays: readonly string[]): string {
  const at = relays.map((r) => {
    const m = /^(.*):(\d+)$/.exec(r);
    return m ? { path: m[1], line: Number(m[2]) } : { path: r, line: 0 };
  });
  return `relays ${relayedText(at)}; counted there`;
}

/** `frontend/src/api/openai.ts:184, :245` */
export function relayedText(senders: readonly { readonly path: string; readonly line: number }[]): string {
  const parts: string[] = [];
  let last: string | undefined;
  for (const s of [...senders].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)) {
    parts.push(s.path === last ? `:${s.line}` : `${s.path}:${s.line}`);
    last = s.path;
  }
  return parts.join(', ');
}
