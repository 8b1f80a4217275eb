/**
 * A request function bound ahead of time: `self._completion = partial(litellm.completion, model=cfg.model, …)`
 * (Python's `functools.partial`) sends nothing itself; calling it, or an alias of it
 * (`self._completion_unwrapped = self._completion`), sends the request. The model is the partial's
 * `model=`, followed like any model (a `ValueRef` for the repository pass when the file cannot read it).
 */
import type { CallInfo } from './call-links';
import { LITELLM } from './call-rules';
import type { ModelValues } from './model-resolve';
import type { SyntaxNode } from './parser';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';

const PARTIAL = /^(functools\.)?partial$/;

interface Bound {
  readonly model?: SyntaxNode;
  readonly line: number;
}

/** Whether a callee names litellm's or the OpenAI SDK's chat request (`litellm.completion`, an alias imported from litellm). */
function isRequestFunction(text: string, imports: ReadonlyMap<string, string>): boolean {
  if (/^litellm\.(a?completion)$/.test(text) || /(^|\.)chat\.completions\.create$/.test(text)) return true;
  const module = imports.get(text);
  return Boolean(module && /^litellm(#a?completion)?$/.test(module) && (module.includes('#') || /^a?completion$/.test(text)));
}

export function findPartialRequests(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: CallInfo[], values: ModelValues): void {
  if (syntax.language !== 'python') return;
  const bound = new Map<string, Bound>();
  for (const d of collected.declarations) {
    if (d.isFunction || d.value.type !== 'call' || !PARTIAL.test(syntax.callee(d.value))) continue;
    const args = syntax.args(d.value);
    const fn = args.positional[0];
    if (!fn || !isRequestFunction(fn.text, collected.imports)) continue;
    bound.set(d.nameNode.text, { model: args.named.get('model'), line: spanOf(d.value).line });
  }
  if (!bound.size) return;
  // One hop of aliases: `self._completion_unwrapped = self._completion`.
  for (const d of collected.declarations) {
    const target = bound.get(d.value.text);
    if (!d.isFunction && target && !bound.has(d.nameNode.text)) bound.set(d.nameNode.text, target);
  }
  const taken = new Set(calls.map((c) => c.node.id));
  for (const node of collected.calls) {
    if (taken.has(node.id)) continue;
    const fn = node.childForFieldName('function');
    const b = fn ? bound.get(fn.text) : undefined;
    if (!b) continue;
    const model = b.model ? values.resolve(b.model) : {};
    const args = syntax.args(node);
    const span = spanOf(node);
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: 'litellm',
      callee: fn!.text,
      ...(model.model ? { model: model.model } : model.ref ? { modelRef: model.ref } : {}),
      ...(model.origin ? { modelOrigin: model.origin } : {}),
      ...(model.provider ? { providerHint: model.provider } : {}),
      promptIds: [],
      tools: [],
      agent: false,
      rule: 'partial-request',
      inputPlaceholders: args.named.has('messages') ? ['messages'] : [],
    };
    if (!sites.addCall(call)) continue;
    calls.push({ node, rule: LITELLM, call, args });
  }
}
