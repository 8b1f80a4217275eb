/**
 * An HTTP post to an LLM endpoint is a request: `requests.post("https://api.openai.com/v1/chat/completions",
 * json=payload)`, `httpx.AsyncClient().post(f"{base}/api/chat", json=…)`, `fetch(url, { method: "POST",
 * body: JSON.stringify({ model, messages }) })`, `axios.post(url, body)`. The endpoint's path says which API;
 * the payload's `model`, `messages`, `max_tokens` are read like an SDK call's.
 */
import type { CallRule } from './call-rules';
import { MAX_OUTPUT } from './call-rules';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const POSTS = /^(requests\.post|httpx\.post|aiohttp\.post|axios\.post|fetch|ky\.post|got\.post|\w*(session|client|http|_client)\.post)$/i;

interface Endpoint {
  readonly test: RegExp;
  readonly framework: string;
  readonly providerHint?: string;
  readonly embedding?: boolean;
}

/** Paths of the chat/completion/embedding APIs, by provider; the host gives the provider where the path is shared. */
const ENDPOINTS: readonly Endpoint[] = [
  { test: /\/embeddings\b|:embedContent|:batchEmbedContents|\/api\/embed/, framework: 'http', embedding: true },
  { test: /\/chat\/completions\b|\/v1\/completions\b/, framework: 'http' },
  { test: /\/v1\/responses\b/, framework: 'http', providerHint: 'openai' },
  { test: /\/v1\/messages\b/, framework: 'http', providerHint: 'anthropic' },
  { test: /:generateContent|:streamGenerateContent/, framework: 'http', providerHint: 'google' },
  { test: /\/api\/(chat|generate)\b/, framework: 'http', providerHint: 'ollama' },
];

const HOSTS: readonly [RegExp, string][] = [
  [/api\.openai\.com/, 'openai'],
  [/api\.anthropic\.com/, 'anthropic'],
  [/generativelanguage\.googleapis\.com|aiplatform\.googleapis\.com/, 'google'],
  [/openrouter\.ai/, 'openrouter'],
  [/api\.groq\.com/, 'groq'],
  [/api\.mistral\.ai/, 'mistral'],
  [/api\.deepseek\.com/, 'deepseek'],
  [/api\.together\.xyz/, 'togetherai'],
  [/api\.x\.ai/, 'xai'],
  [/localhost:11434|ollama/, 'ollama'],
];

export interface HttpRequest {
  readonly rule: CallRule;
  /** The payload whose keys are the request's options. */
  readonly payload?: SyntaxNode;
}

/** The rule for a post to an LLM endpoint, or undefined when the call posts elsewhere. */
export function httpRequestOf(syntax: LanguageSyntax, node: SyntaxNode, callee: string): HttpRequest | undefined {
  if (!POSTS.test(callee)) return undefined;
  const args = syntax.args(node);
  const url = args.positional[0] ?? args.named.get('url');
  if (!url) return undefined;
  const text = urlText(syntax, url);
  // `fetch("/api/chat", …)`: a path on the page's own origin is the app's server route, not a provider's API.
  if (/^\/(?!\/)/.test(text)) return undefined;
  if (!ENDPOINTS.some((e) => e.test.test(text))) return undefined;
  if (callee === 'fetch') {
    const options = args.positional[1];
    const entries = options ? syntax.entries(options) : undefined;
    const method = entries?.get('method');
    if (!method || !/post/i.test(syntax.stringConstant(method) ?? method.text)) return undefined;
  }
  const rule = endpointRule(text);
  if (!rule) return undefined;
  const payload = payloadOf(syntax, callee, args.positional, args.named);
  return { rule, payload };
}

/**
 * The request rule of a post to `url` (its literal parts), or undefined when the URL names no LLM endpoint.
 * `host` is where the address comes in a separate piece (`https.request({ hostname, path })`).
 */
/** Where a posted JSON payload of the chat, responses and Gemini APIs keeps its model, prompts, messages and tools. */
export const POSTED_PAYLOAD_KEYS = {
  role: 'call',
  modelKeys: ['model'],
  promptKeys: { system: 'system', instructions: 'instructions', prompt: 'user-template' },
  messagesKeys: ['messages', 'input', 'contents'],
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
} as const satisfies Partial<CallRule>;

export function endpointRule(url: string, host = url): CallRule | undefined {
  const endpoint = ENDPOINTS.find((e) => e.test.test(url));
  if (!endpoint) return undefined;
  const provider = HOSTS.find(([re]) => re.test(host))?.[1] ?? endpoint.providerHint;
  return {
    framework: endpoint.framework,
    ...POSTED_PAYLOAD_KEYS,
    ...(provider ? { providerHint: provider } : {}),
    ...(endpoint.embedding ? { kind: 'embedding' as const } : {}),
  };
}

/** Whether a text names an LLM provider's host (`api.openai.com`). */
export function isProviderHost(text: string): boolean {
  return HOSTS.some(([re]) => re.test(text));
}

/** The URL as far as the file knows it: literal parts of a constant, an f-string or a template, `${base}/v1/...`. */
export function urlText(syntax: LanguageSyntax, node: SyntaxNode): string {
  const value = syntax.text(node);
  return value.parts.map((p) => (typeof p === 'string' ? p : '')).join('{}');
}

/** `json=payload` / `data=json.dumps(payload)` (Python), `body: JSON.stringify({...})` (fetch), the second argument (axios). */
function payloadOf(syntax: LanguageSyntax, callee: string, positional: readonly SyntaxNode[], named: ReadonlyMap<string, SyntaxNode>): SyntaxNode | undefined {
  const candidates: (SyntaxNode | undefined)[] =
    callee === 'fetch' ? [positional[1] ? syntax.entries(positional[1])?.get('body') : undefined] : [named.get('json'), named.get('data'), named.get('body'), positional[1]];
  for (const c of candidates) {
    if (!c) continue;
    const target = syntax.resolve(c);
    if (syntax.entries(target)) return target;
    // `JSON.stringify({...})`, `json.dumps(payload)`
    if ((target.type === 'call' || target.type === 'call_expression') && /(^|\.)(stringify|dumps)$/.test(syntax.callee(target))) {
      const inner = syntax.args(target).positional[0];
      if (inner && syntax.entries(inner)) return syntax.resolve(inner);
    }
  }
  return undefined;
}
