/**
 * One user request relayed through the app's own server (repo/relays.ts matches the two ends):
 *
 *   // frontend/src/api/openai.ts                         # backend/openui/server.py
 *   const openai = new OpenAI({                            @router.post("/v1/chat/completions")
 *     baseURL: `${window.location.origin}/v1`,             async def chat_completions(request: Request):
 *     dangerouslyAllowBrowser: true })                         data = await request.json()
 *   await openai.chat.completions.create({ model, … })         return await openai.chat.completions.create(**data)
 *
 * - **Senders** (`ownRoute`). An SDK request whose client's base URL is the page's own origin (`window.location`,
 *   `location.origin`, a helper of the file that reads `window.location`, or a path with no host: `'/api/openai'`)
 *   goes to the app's server, at the base URL's path plus the SDK method's (`/v1` + `/chat/completions`). A base
 *   URL to a provider, or one read from the environment or a setting, is not the app's own.
 * - **Relays** (`relayRoutes`). A request in a server route that sends the body the route received, spread whole
 *   (`**data` of `data = await request.json()`, `{ ...body }` of `body = await req.json()`): the route's paths as
 *   its decorators write them (FastAPI `@router.post("/v1/chat/completions")`, Flask `@app.route(…,
 *   methods=["POST"])`); none for a file-routed handler (Next.js `app/**\/route.ts`), whose path is its file's.
 *   A route that builds its own messages is no relay.
 */
import type { CallInfo } from './call-links';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const CLIENTS = /^(OpenAI|AsyncOpenAI|Anthropic|AsyncAnthropic)$/;
/** The URL path each SDK method posts to, under the client's base URL. */
const METHOD_PATHS: readonly (readonly [RegExp, string])[] = [
  [/(^|\.)chat\.completions\.(create|stream|parse)$/, '/chat/completions'],
  [/(^|\.)responses\.(create|stream|parse)$/, '/responses'],
  [/(^|\.)embeddings\.create$/, '/embeddings'],
  [/(^|\.)completions\.create$/, '/completions'],
  [/(^|\.)messages\.(create|stream)$/, '/v1/messages'],
];
const ORIGIN_EXPR = /^(window\.|globalThis\.|self\.)?location\.(origin|host|hostname|protocol|port)$/;
const READS_LOCATION = /\blocation\.(origin|host|hostname|protocol|href|port)\b/;
const ROUTE_DECORATOR = /^@[\w.]+\.(post|put|patch|api_route|route)\(\s*(?:path\s*=\s*)?[rbuf]?["']([^"']+)["']([^]*)\)\s*$/;
/** The incoming request's JSON body: `await request.json()`, `request.get_json()`, Flask's `request.json`, `req.body`. */
const BODY_READ = /^(await\s+)?\(?\s*(await\s+)?[\w.]+\.(json\(\)|get_json\([^)]*\)|json|body)\s*\)?$/;

export function applyOwnOrigin(syntax: LanguageSyntax, calls: readonly CallInfo[]): void {
  for (const c of calls) {
    if (c.call.agent || c.call.role === 'binding') continue;
    if (syntax.language !== 'python') {
      const route = ownRouteOf(syntax, c.node, c.call.callee);
      if (route) c.call.ownRoute = route;
    }
    const relay = relayRoutesOf(syntax, c.node);
    if (relay) c.call.relayRoutes = relay;
  }
}

function methodPath(callee: string): string | undefined {
  return METHOD_PATHS.find(([re]) => re.test(callee))?.[1];
}

/** The path on the page's own origin an SDK request goes to; undefined when its client is not the app's own. */
export function ownRouteOf(syntax: LanguageSyntax, call: SyntaxNode, callee: string): string | undefined {
  const method = methodPath(callee);
  const receiver = method ? syntax.receiver(call) : undefined;
  let n = receiver;
  while (n && (n.type === 'member_expression' || n.type === 'attribute')) n = n.childForFieldName('object') ?? undefined;
  if (!n || n.type !== 'identifier') return undefined;
  const made = syntax.resolve(n);
  if (made.id === n.id || made.type !== 'new_expression') return undefined;
  const base = syntax.args(made).named.get('baseURL');
  const path = base ? ownPath(syntax, base, 0) : undefined;
  return path === undefined || !isClient(syntax.callee(made), made) ? undefined : `${path.replace(/\/+$/, '')}${method}`;
}

function isClient(name: string, at: SyntaxNode): boolean {
  const last = name.split('.').pop() ?? '';
  if (CLIENTS.test(last)) return true;
  // `class MyOpenAI extends OpenAI { … }` in this file.
  let root = at;
  while (root.parent) root = root.parent;
  return root.descendantsOfType(['class_declaration', 'class']).some((c) => c?.childForFieldName('name')?.text === last && /^[^{]*\bextends\s+(OpenAI|Anthropic)\b/.test(c.text.slice(0, 300)));
}

/** The path part of a base URL on the page's own origin, '' for the bare origin; undefined for any other URL. */
function ownPath(syntax: LanguageSyntax, node: SyntaxNode, depth: number): string | undefined {
  if (depth > 3) return undefined;
  if (node.type === 'identifier') {
    const v = syntax.resolve(node);
    return v.id === node.id ? undefined : ownPath(syntax, v, depth + 1);
  }
  if (ORIGIN_EXPR.test(node.text)) return '';
  const constant = node.type === 'template_string' && !node.text.includes('${') ? node.text.slice(1, -1) : syntax.stringConstant(node);
  if (constant !== undefined) return /^\/(?!\/)/.test(constant) ? constant : undefined;
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const head = left ? ownPath(syntax, left, depth + 1) : undefined;
    const tail = right ? syntax.stringConstant(right) : undefined;
    return head !== undefined && tail !== undefined && /^\/?[\w\-./]*$/.test(tail) ? head + tail : undefined;
  }
  if (node.type === 'template_string') {
    const body = node.text.slice(1, -1);
    const last = body.lastIndexOf('}');
    const head = body.slice(0, last + 1);
    const tail = body.slice(last + 1);
    if (!/^(\/[\w\-./]*)?$/.test(tail)) return undefined;
    const parts = head.split(/\$\{([^}]*)\}/);
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0 ? !/^[/:]*$/.test(parts[i]) : !originPart(syntax, parts[i].trim(), node)) return undefined;
    }
    return tail;
  }
  return undefined;
}

/** `window.location.origin`, or a call of a helper of this file that builds the URL from `window.location`. */
function originPart(syntax: LanguageSyntax, expr: string, at: SyntaxNode): boolean {
  if (ORIGIN_EXPR.test(expr)) return true;
  const call = /^([A-Za-z_$][\w$]*)\(\)$/.exec(expr);
  const fn = call ? syntax.lookup(call[1], at) : undefined;
  return Boolean(fn && fn.text.length < 2000 && READS_LOCATION.test(fn.text) && !/process\.env|import\.meta\.env/.test(fn.text));
}

/** The paths of the route whose received body this request forwards whole; undefined for any other request. */
export function relayRoutesOf(syntax: LanguageSyntax, call: SyntaxNode): string[] | undefined {
  const fn = enclosingFunction(call);
  if (!fn) return undefined;
  const spread = spreadArgument(syntax, call);
  if (!spread || !isReceivedBody(syntax, spread, fn, 0)) return undefined;
  if (syntax.language !== 'python') return [];
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  const paths: string[] = [];
  for (const d of decorated?.namedChildren ?? []) {
    if (d?.type !== 'decorator') continue;
    const m = ROUTE_DECORATOR.exec(d.text.replace(/\s+/g, ' '));
    if (!m) continue;
    if (m[1] === 'route' && !/methods\s*=\s*\[[^\]]*["']POST["']/i.test(m[3])) continue;
    paths.push(m[2]);
  }
  return paths.length ? paths : undefined;
}

function enclosingFunction(n: SyntaxNode): SyntaxNode | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (/^(function_definition|function_declaration|arrow_function|function_expression|method_definition)$/.test(p.type)) return p;
  }
  return undefined;
}

/** The one value spread whole into the request: `**data` (Python), `{ ...body }` as the first argument (TypeScript). */
function spreadArgument(syntax: LanguageSyntax, call: SyntaxNode): SyntaxNode | undefined {
  const list = call.childForFieldName('arguments');
  if (!list) return undefined;
  if (syntax.language === 'python') {
    const splats = list.namedChildren.filter((a) => a?.type === 'dictionary_splat');
    return splats.length === 1 ? (splats[0]!.namedChildren[0] ?? undefined) : undefined;
  }
  const first = list.namedChildren[0];
  if (first?.type !== 'object') return undefined;
  const spreads = first.namedChildren.filter((a) => a?.type === 'spread_element');
  // The spread comes first: keys written after it only add to or override the sender's (`stream: true`).
  return spreads.length === 1 && first.namedChildren[0]?.type === 'spread_element' ? (spreads[0]!.namedChildren[0] ?? undefined) : undefined;
}

/** The body the enclosing route handler received: read from its request, directly or through one local. */
function isReceivedBody(syntax: LanguageSyntax, value: SyntaxNode, fn: SyntaxNode, depth: number): boolean {
  if (depth > 2) return false;
  if (BODY_READ.test(value.text.trim())) return true;
  if (value.type !== 'identifier') return false;
  const decl = syntax.resolve(value);
  if (decl.id === value.id || decl.startIndex < fn.startIndex || decl.endIndex > fn.endIndex) return false;
  return isReceivedBody(syntax, decl, fn, depth + 1);
}
