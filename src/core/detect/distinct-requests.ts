/**
 * Exclusive arms that send different prompts are different requests, not alternatives of one. A guard or an
 * if/else on the input (`if (hasImages) { generateText({messages: [image prompt]}); return }` then the text prompt,
 * `if (provider === "model") streamText({prompt: processResultPrompt(…)}) else streamText({prompt:
 * processSearchResultPrompt(…)})`) runs each request for its own input; the stream/non-stream pair or the provider
 * branches that send the same `messages` stay one site with alternatives (site-groups.ts).
 */
import type { CallInfo } from './call-links';
import type { SyntaxNode } from './parser';
import type { SiteRegistry } from './sites';
import type { LanguageSyntax } from './syntax';

/** The arguments that carry what a request sends (keyword arguments or the keys of an options object). */
const SENT_KEYS = ['prompt', 'messages', 'system', 'input', 'contents', 'instructions', 'query'];

/** Whether two requests send prompts the code builds differently: their own prompt sites, or the builders they call. */
export function sendDifferentPrompts(syntax: LanguageSyntax, sites: SiteRegistry, a: CallInfo, b: CallInfo): boolean {
  if (a.call.role === 'binding' || b.call.role === 'binding') return false;
  // By text, not by site: the same literal written in both arms (a streaming copy of a request) is one prompt.
  const byId = textsById(sites);
  const texts = (c: CallInfo): string[] => c.call.promptIds.map((id) => byId.get(id) ?? id);
  const [pa, pb] = [texts(a), texts(b)];
  if (pa.length && pb.length && !pa.some((t) => pb.includes(t))) return true;
  const [ca, cb] = [builders(syntax, a.node), builders(syntax, b.node)];
  if (!ca.size || !cb.size) return false;
  return [...ca].some((n) => !cb.has(n)) && [...cb].some((n) => !ca.has(n));
}

const cache = new WeakMap<SiteRegistry, { size: number; texts: Map<string, string> }>();

/** Each prompt site's text by its id (the registry keys them by range); rebuilt when prompts were added since. */
function textsById(sites: SiteRegistry): Map<string, string> {
  const hit = cache.get(sites);
  if (hit && hit.size === sites.prompts.size) return hit.texts;
  const texts = new Map<string, string>();
  for (const e of sites.prompts.values()) texts.set(e.prompt.id, e.prompt.text);
  cache.set(sites, { size: sites.prompts.size, texts });
  return texts;
}

/** The functions called inside the sent arguments whose names say they build a prompt (`processResultPrompt`). */
function builders(syntax: LanguageSyntax, call: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const args = syntax.args(call);
  for (const key of SENT_KEYS) {
    const arg = args.named.get(key);
    if (!arg) continue;
    for (const inner of arg.descendantsOfType(['call', 'call_expression'])) {
      if (!inner) continue;
      const name = syntax.callee(inner).split('.').pop() ?? '';
      if (/prompt|template|messages/i.test(name)) out.add(name);
    }
  }
  return out;
}
