/**
 * Whether an offering can do a site's job: the capabilities its code needs (tools,
 * structured output, images, reasoning, from `SiteNeeds`) and its sizes (the largest
 * request against the context window, the output against the model's maximum output).
 *
 * A capability no source states is `unknown`, never assumed: a row that needs tools
 * from a model whose tool support is unstated does not pass the default filter, and
 * says why. Sizes the catalog does not state (about half the generated models have no
 * window) are listed as unknown on the row but do not hide it, since nothing states
 * they fail.
 */
import { contextWindowOf } from '../catalog/context';
import type { ModelCapabilities, ModelEntry, Offering } from '../catalog/types';
import type { SiteNeeds } from '../report/types';

export interface JobSize {
  /** The largest request: prompt plus output and reasoning of one call (for loops: the last step). */
  readonly contextTokens?: number;
  /** Output plus reasoning tokens of one call. */
  readonly outputTokens?: number;
}

export type CapabilityVerdict = 'can' | 'cannot' | 'unknown';

export interface CapabilityCheck {
  /** `can`: every need stated as met and the sizes fit where stated; `cannot`: something stated fails; `unknown`: a need no source states. */
  readonly verdict: CapabilityVerdict;
  /** What fails, in words: `no tool calling`, `context 300,000 > window 200,000`. */
  readonly unmet: readonly string[];
  /** What no source states: `tool calling (not stated)`, `context window (not stated)`. */
  readonly unknown: readonly string[];
  /** Where the capability facts come from. */
  readonly source?: string;
}

const NEED_LABEL: Readonly<Record<keyof SiteNeeds, string>> = {
  tools: 'tool calling',
  structuredOutput: 'structured output',
  vision: 'image input',
  reasoning: 'reasoning',
};

const fmt = (n: number) => n.toLocaleString('en-US');

/** The needs a site states as required (`true`), in a fixed order. */
export function requiredNeeds(needs: SiteNeeds | undefined): (keyof SiteNeeds)[] {
  if (!needs) return [];
  return (Object.keys(NEED_LABEL) as (keyof SiteNeeds)[]).filter((k) => needs[k] === true);
}

/** Human label of a need (`tools` → `tool calling`). */
export function needLabel(need: keyof SiteNeeds): string {
  return NEED_LABEL[need];
}

export function checkCapabilities(model: ModelEntry, offering: Offering | undefined, needs: SiteNeeds | undefined, size: JobSize = {}): CapabilityCheck {
  const unmet: string[] = [];
  const unknown: string[] = [];
  if (model.kind === 'embedding') unmet.push('an embedding model: returns vectors, not text');
  const caps: ModelCapabilities | undefined = model.capabilities;
  for (const need of requiredNeeds(needs)) {
    const has = caps?.[need];
    if (has === false) unmet.push(`no ${NEED_LABEL[need]}`);
    else if (has === undefined) unknown.push(`${NEED_LABEL[need]} (not stated)`);
  }
  // Unstated sizes are reported, but do not decide the verdict (see the header).
  const sizesUnstated: string[] = [];
  if (size.contextTokens !== undefined) {
    const window = contextWindowOf(model, offering).tokens;
    if (window === undefined) sizesUnstated.push('context window (not stated)');
    else if (size.contextTokens > window) unmet.push(`context ${fmt(size.contextTokens)} > window ${fmt(window)}`);
  }
  if (size.outputTokens !== undefined && size.outputTokens > 0) {
    if (model.maxOutput === undefined) sizesUnstated.push('maximum output (not stated)');
    else if (size.outputTokens > model.maxOutput) unmet.push(`output ${fmt(size.outputTokens)} > maximum ${fmt(model.maxOutput)}`);
  }
  const verdict: CapabilityVerdict = unmet.length > 0 ? 'cannot' : unknown.length > 0 ? 'unknown' : 'can';
  return { verdict, unmet, unknown: [...unknown, ...sizesUnstated], ...(caps ? { source: caps.source } : {}) };
}
