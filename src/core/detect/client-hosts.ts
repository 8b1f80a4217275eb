/**
 * OpenAI's SDK pointed at another provider: `new OpenAI({ baseURL: "https://api.groq.com/openai/v1" })`,
 * `OpenAI(base_url="https://api.deepseek.com")`. Many providers document their API as OpenAI-compatible and
 * tell users to change only the base URL (Groq, Mistral, Perplexity, OpenRouter, DeepSeek, xAI, Together,
 * Fireworks, Gemini's OpenAI endpoint, a local Ollama). The requests of such a client send that provider's
 * models: their vendor is the host's, so that a model id is looked up there and another vendor's default is
 * never assumed for them. Only a base URL written as a constant counts; one chosen at run time says nothing.
 */
import type { CallInfo } from './call-links';
import type { SyntaxNode } from './parser';
import { contains, type Collected, type LanguageSyntax } from './syntax';

const HOSTS: readonly (readonly [RegExp, string])[] = [
  [/(^|\.)groq\.com$/, 'groq'],
  [/(^|\.)mistral\.ai$/, 'mistral'],
  [/(^|\.)perplexity\.ai$/, 'perplexity'],
  [/(^|\.)openrouter\.ai$/, 'openrouter'],
  [/(^|\.)deepseek\.com$/, 'deepseek'],
  [/(^|\.)x\.ai$/, 'xai'],
  [/(^|\.)together\.(xyz|ai)$/, 'together'],
  [/(^|\.)fireworks\.ai$/, 'fireworks'],
  [/(^|\.)cerebras\.ai$/, 'cerebras'],
  [/^generativelanguage\.googleapis\.com$/, 'google'],
  [/(^|\.)anthropic\.com$/, 'anthropic'],
];
/** Path segments between a client and its request method (`client.chat.completions.create`). */
const SDK_SEGMENTS = new Set(['chat', 'completions', 'responses', 'embeddings', 'beta', 'with_raw_response', 'with_streaming_response', 'withRawResponse']);
const OPENAI_CLIENT = /^(OpenAI|AsyncOpenAI)$/;

export function applyClientHosts(syntax: LanguageSyntax, collected: Collected, calls: readonly CallInfo[]): void {
  for (const c of calls) {
    if (c.call.framework !== 'openai' || c.call.role === 'binding') continue;
    const receiver = syntax.receiver(c.node);
    const client = receiver ? clientOf(syntax, collected, receiver) : undefined;
    const vendor = client ? hostVendor(syntax, client) : undefined;
    if (vendor) c.call.providerHint = vendor;
  }
}

/** The constructor call a request's client was made with, in this file. */
function clientOf(syntax: LanguageSyntax, collected: Collected, receiver: SyntaxNode): SyntaxNode | undefined {
  let n = receiver;
  for (let i = 0; i < 5 && SDK_SEGMENTS.has(syntax.name(n) ?? ''); i++) {
    const object = n.childForFieldName('object');
    if (!object) return undefined;
    n = object;
  }
  const made = (v: SyntaxNode): boolean => (v.type === 'call' || v.type === 'new_expression') && OPENAI_CLIENT.test(syntax.callee(v).split('.').pop() ?? '');
  if (n.type === 'identifier') {
    const target = syntax.resolve(n);
    return target.id !== n.id && made(target) ? target : undefined;
  }
  if (n.type === 'attribute' || n.type === 'member_expression') {
    // `self.client = OpenAI(base_url=…)` in the constructor: every assignment of the field must agree.
    const field = syntax.name(n);
    const values = collected.declarations.filter((d) => d.name === field && !d.isFunction && !contains(d.value, n)).map((d) => d.value);
    return values.length === 1 && made(values[0]) ? values[0] : undefined;
  }
  return undefined;
}

function hostVendor(syntax: LanguageSyntax, client: SyntaxNode): string | undefined {
  const named = syntax.args(client).named;
  const url = named.get('baseURL') ?? named.get('base_url');
  const text = url ? syntax.stringConstant(url) : undefined;
  if (!text) return undefined;
  let host: string;
  try {
    host = new URL(text).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (host === 'localhost' && /:11434\b/.test(text)) return 'ollama';
  for (const [pattern, vendor] of HOSTS) if (pattern.test(host)) return vendor;
  return undefined;
}
