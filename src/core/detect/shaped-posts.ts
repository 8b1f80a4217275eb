/**
 * Python: a raw HTTP post is an LLM request by what it sends when its address says nothing (the endpoint comes
 * from configuration, a table, an attribute). The payload is read where the file writes it:
 *
 *   headers, payload = generate_payload(inputs, llm_kwargs, history)   # returns headers, {"model": …, "messages": …}
 *   response = requests.post(endpoint, headers=headers, json=payload, stream=True)
 *
 *   img_endpoint = chat_endpoint.replace('chat/completions', 'images/generations')
 *   requests.post(img_endpoint, json={'prompt': prompt, 'model': model, 'size': size})
 *
 * The payload is a chat request when it carries `messages` (or Gemini's `contents`) with a model or a
 * sampling option beside it, a completion when it carries `model` and `prompt`; a `prompt` posted to an
 * address whose pieces name an images endpoint is an image request, a `prompt` beside uploaded `files` (or
 * to an audio endpoint) a transcription. A post of anything else (a webhook body, a search query, an OAuth
 * form, `{"name": model}` to a model-pull endpoint) is not a request.
 */
import type { CallRule } from './call-rules';
import { POSTED_PAYLOAD_KEYS, type HttpRequest } from './http-requests';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const PY_POSTS = /^(requests\.post|httpx\.post|\w*(session|client|http)\.post)$/i;
/** Keys that sit beside `messages` in a chat-completions payload (not in a chat app's webhook body). */
const CHAT_OPTIONS = new Set(['model', 'temperature', 'max_tokens', 'max_completion_tokens', 'top_p', 'stream', 'stop', 'generationConfig', 'system']);
const IMAGES = /images\/(generations|edits|variations)/;
const AUDIO = /audio\/(transcriptions|translations)/;
const MAX_HOPS = 4;

/** The request rule of a post whose payload has an LLM request's shape, or undefined. */
export function shapedPostOf(syntax: LanguageSyntax, node: SyntaxNode, callee: string): HttpRequest | undefined {
  if (syntax.language !== 'python' || !PY_POSTS.test(callee)) return undefined;
  const args = syntax.args(node);
  const url = args.positional[0] ?? args.named.get('url');
  const sent = args.named.get('json') ?? args.named.get('data') ?? args.positional[1];
  if (!url || !sent) return undefined;
  const body = unwrapDumps(syntax, sent);
  const own = syntax.entries(body);
  const keys = new Set(own?.keys() ?? payloadKeys(syntax, body));
  for (const k of subscriptKeys(body)) keys.add(k);
  const pieces = urlPieces(syntax, url);
  const image = pieces.some((p) => IMAGES.test(p));
  const audio = pieces.some((p) => AUDIO.test(p)) || Boolean(args.named.get('files'));
  const chat = (keys.has('messages') || keys.has('contents')) && [...keys].some((k) => CHAT_OPTIONS.has(k));
  const completion = keys.has('model') && keys.has('prompt');
  if (!chat && !(completion || (image && keys.has('prompt')))) return undefined;
  const rule: CallRule = {
    framework: 'http',
    ...POSTED_PAYLOAD_KEYS,
    ...(image && !chat ? { kind: 'image' as const } : audio && !chat && !image ? { kind: 'transcription' as const } : {}),
  };
  // A payload another function builds is read for its shape only: its names are that function's.
  return { rule, ...(own ? { payload: syntax.resolve(body) } : {}) };
}

/** `json.dumps(payload)` → `payload`. */
function unwrapDumps(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode {
  if (node.type === 'call' && /(^|\.)dumps$/.test(syntax.callee(node))) return syntax.args(node).positional[0] ?? node;
  return node;
}

/**
 * The keys of a payload unpacked from a function of the file: `headers, payload = generate_payload(…)` (or
 * `self.generate_payload(…)`) whose return's item at the same place is a dict, or a name bound to one there.
 */
function payloadKeys(syntax: LanguageSyntax, body: SyntaxNode): string[] {
  if (body.type !== 'identifier') return [];
  const fn = enclosingFunction(body);
  const assigned = fn ? unpackingOf(fn, body.text, body.startIndex) : undefined;
  if (!assigned) return [];
  const called = definitionNamed(body.tree.rootNode, calledName(syntax, assigned.call));
  if (!called) return [];
  for (const r of syntax.returns(called)) {
    const item = r.type === 'tuple' || r.type === 'expression_list' ? r.namedChildren[assigned.index] : assigned.index === 0 ? r : undefined;
    const entries = item ? syntax.entries(item) : undefined;
    if (entries) return [...entries.keys(), ...subscriptKeys(item!)];
  }
  return [];
}

/** `payload["messages"] = …` in the function that holds the name: keys added after the dict was written. */
function subscriptKeys(name: SyntaxNode): string[] {
  if (name.type !== 'identifier') return [];
  const fn = enclosingFunction(name);
  const out: string[] = [];
  const visit = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (!c || c.type === 'function_definition' || c.type === 'class_definition') continue;
      if (c.type === 'assignment') {
        const left = c.childForFieldName('left');
        const key = left?.type === 'subscript' && left.childForFieldName('value')?.text === name.text ? left.childForFieldName('subscript') : undefined;
        if (key?.type === 'string') out.push(key.text.replace(/^[rbuf]*['"]|['"]$/gi, ''));
      }
      visit(c);
    }
  };
  if (fn) visit(fn.childForFieldName('body') ?? fn);
  return out;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
  return undefined;
}

/** The last `a, name = f(…)` before `at` in the function: the call and the name's place in the pattern. */
function unpackingOf(fn: SyntaxNode, name: string, at: number): { call: SyntaxNode; index: number } | undefined {
  let found: { call: SyntaxNode; index: number } | undefined;
  const visit = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (!c || c.startIndex > at || c.type === 'function_definition' || c.type === 'class_definition') continue;
      if (c.type === 'assignment') {
        const left = c.childForFieldName('left');
        const right = c.childForFieldName('right');
        const names = left && (left.type === 'pattern_list' || left.type === 'tuple_pattern') ? left.namedChildren.map((x) => x?.text) : [left?.text];
        const index = names.indexOf(name);
        if (index >= 0 && right?.type === 'call') found = { call: right, index };
      }
      visit(c);
    }
  };
  visit(fn.childForFieldName('body') ?? fn);
  return found;
}

/** `generate_payload` of `generate_payload(…)` / `self.generate_payload(…)`. */
function calledName(syntax: LanguageSyntax, call: SyntaxNode): string {
  const callee = syntax.callee(call);
  return /^(self\.)?\w+$/.test(callee) ? callee.replace(/^self\./, '') : '';
}

function definitionNamed(root: SyntaxNode, name: string): SyntaxNode | undefined {
  if (!name) return undefined;
  const visit = (n: SyntaxNode, depth: number): SyntaxNode | undefined => {
    if (depth > 3) return undefined;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'function_definition' && c.childForFieldName('name')?.text === name) return c;
      if (c.type === 'class_definition' || c.type === 'decorated_definition' || c.type === 'block') {
        const inner = visit(c, depth + 1);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return visit(root, 0);
}

/** The literal pieces an address is made of: its text, and through names and `.replace(old, new)` the new piece. */
function urlPieces(syntax: LanguageSyntax, url: SyntaxNode): string[] {
  const out: string[] = [];
  let n: SyntaxNode | undefined = url;
  for (let i = 0; n && i < MAX_HOPS; i++) {
    const target: SyntaxNode = syntax.resolve(n);
    const text = syntax.text(target).parts.filter((p): p is string => typeof p === 'string').join('');
    if (text) out.push(text);
    if (target.type !== 'call' || !/\.replace$/.test(syntax.callee(target))) break;
    const added = syntax.args(target).positional[1];
    const piece = added ? syntax.stringConstant(added) : undefined;
    if (piece) out.push(piece);
    n = syntax.receiver(target);
  }
  return out;
}
