/**
 * Where and how each request runs, for the savings findings: whether it marks
 * content for the prompt cache (and where a `cache_control` edit would go),
 * whether it runs once per element of a collection, and whether someone waits
 * for its reply (a request handler, a UI, a stream) or the code looks like an
 * offline job (a script entry point, a CLI parser, a job framework, a scripts/
 * path). Conservative by design: a batch is suggested only with evidence that
 * no one waits, and any sign of a waiting user wins.
 */
import { TOOL_HANDLING } from './frameworks';
import type { SyntaxNode } from './parser';
import { spanOf, type Mutable } from './sites';
import { contains, type CallArgs, type Collected, type LanguageSyntax } from './syntax';
import type { CallContext, DetectedCall } from './types';

interface FoundRequest {
  readonly node: SyntaxNode;
  readonly call: Mutable<DetectedCall>;
  readonly args: CallArgs;
}

const CACHE_MARK = /\b(cache_control|cacheControl|cachedContent|cached_content|cachePoint|cache_point)\b/;
/** Modules that serve requests or a UI: a user waits for what the code returns. */
const WAITING_MODULES = /^(fastapi|flask|django|starlette|aiohttp[.#]web|sanic|quart|tornado|litestar|streamlit|gradio|chainlit|express|koa|hono|fastify|next|@nestjs|@remix-run|@sveltejs\/kit|h3|elysia|socket\.io|ws)([./#]|$)/;
/** Modules of command-line tools and job runners: the code runs with no one waiting on a reply. */
const OFFLINE_MODULES = /^(argparse|click|typer|fire|celery|airflow|prefect|dagster|luigi|rq|dramatiq|commander|yargs|meow|cac|minimist|bullmq|bull|agenda|node-cron|@trigger\.dev|inngest)([./#]|$)/;
const OFFLINE_PATH = /(^|\/)(scripts?|jobs?|batch(es)?|cron|etl|pipelines?|bin|cli|backfills?|evals?|offline)\//i;
const WAITING_PATH = /(^|\/)(route\.(ts|js)|\+server\.(ts|js)|pages\/api\/|app\/api\/)/;
const ROUTE_DECORATOR = /\.(get|post|put|patch|delete|route|websocket|api_route)\s*\(|@(api_view|action)\b/;
const ROUTE_REGISTRATION = /^(app|router|server|api|fastify|hono|r)\.(get|post|put|patch|delete|all|route|use|on)$/;
const HTTP_HANDLER_NAME = /^(GET|POST|PUT|PATCH|DELETE|handler|loader|action)$/;
const COLLECTION_METHOD = /\.(map|forEach|flatMap)$/;
const PY_FUNCTION = new Set(['function_definition', 'lambda']);
const TS_FUNCTION = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration']);
const COMPREHENSION = new Set(['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);

export function markCallContexts(syntax: LanguageSyntax, collected: Collected, requests: readonly FoundRequest[], path: string, root: SyntaxNode): void {
  const file = fileEvidence(collected, path, root.text);
  const reader = new ContextReader(syntax, collected);
  for (const r of requests) {
    if (r.call.role === 'binding') continue;
    const context: Mutable<CallContext> = {};
    if (reader.cacheMarked(r)) context.cacheMarked = true;
    const anchor = r.call.framework === 'anthropic' ? reader.cacheAnchor(r.args) : undefined;
    if (anchor) context.cacheAnchor = anchor;
    const loop = r.call.usedBy ? undefined : reader.collectionLoop(r.node, 1);
    if (loop) context.overCollection = loop;
    const waiting = reader.streams(r) ?? reader.handler(r.node) ?? file.waiting;
    if (waiting) context.userWaiting = waiting;
    if (file.offline) context.offline = file.offline;
    if (Object.keys(context).length > 0) r.call.context = context;
  }
}

function fileEvidence(collected: Collected, path: string, text: string): { waiting?: string; offline?: string } {
  // Module and local name (`from aiohttp import web` → `aiohttp#web`): the server part of a library that is mostly a client.
  const modules = [...collected.imports].map(([local, module]) => (module.includes('#') ? module : `${module}#${local}`));
  const waitingModule = modules.find((m) => WAITING_MODULES.test(m))?.replace(/^aiohttp#web.*/, 'aiohttp.web').split('#')[0];
  const offlineModule = modules.find((m) => OFFLINE_MODULES.test(m))?.split('#')[0];
  const waiting = waitingModule
    ? `the file imports ${waitingModule}, which serves requests or a UI`
    : WAITING_PATH.test(path)
      ? `${path} is a request handler by its name`
      : /^\s*['"]use server['"]/.test(text)
        ? 'the file holds server actions ("use server")'
        : undefined;
  const offline = /__name__\s*==\s*['"]__main__['"]/.test(text)
    ? 'the file is a script (if __name__ == "__main__")'
    : offlineModule
      ? `the file imports ${offlineModule}, a command-line or job runner`
      : /\bprocess\.argv\b|\brequire\.main\s*===\s*module\b|\bimport\.meta\.main\b|^#!/.test(text)
        ? 'the file is a command-line script'
        : OFFLINE_PATH.test(path)
          ? `its path (${path}) is a scripts/jobs folder`
          : undefined;
  return { ...(waiting ? { waiting } : {}), ...(offline ? { offline } : {}) };
}

class ContextReader {
  private readonly functions: ReadonlySet<string>;
  /** Callee text by node id: every request in a function looks through the file's calls for its callers. */
  private readonly callees = new Map<number, string>();
  /**
   * The file's calls by the last part of their callee, and the calls that hand a function to a
   * collection method, built once: looking a function's callers up by name keeps a file of many
   * requests and many calls linear, where scanning every call per request was quadratic.
   */
  private callIndex?: { readonly byName: ReadonlyMap<string, readonly SyntaxNode[]>; readonly mappers: readonly SyntaxNode[] };
  /** Per function (and depth): whether it is called once per element of a collection (many requests share one). */
  private readonly callerLoops = new Map<string, CallContext['overCollection'] | null>();
  /** Per function: whether its text names a cache marker. */
  private readonly markedFunctions = new Map<number, boolean>();

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
  ) {
    this.functions = syntax.language === 'python' ? PY_FUNCTION : TS_FUNCTION;
  }

  /** The request, a value it sends (one step of indirection), or its enclosing function names a cache marker. */
  cacheMarked(r: FoundRequest): boolean {
    if (CACHE_MARK.test(r.node.text)) return true;
    for (const value of r.args.named.values()) {
      const resolved = this.syntax.resolve(value);
      if (resolved !== value && CACHE_MARK.test(resolved.text)) return true;
      for (const item of this.syntax.items(value) ?? []) if (CACHE_MARK.test(this.syntax.resolve(item).text)) return true;
    }
    const fn = this.enclosingFunction(r.node);
    if (!fn) return false;
    let marked = this.markedFunctions.get(fn.id);
    if (marked === undefined) {
      marked = CACHE_MARK.test(fn.text);
      this.markedFunctions.set(fn.id, marked);
    }
    return marked;
  }

  /** Anthropic's `system`: a string to wrap in a cached text block, or a literal list whose last block gets `cache_control`. */
  cacheAnchor(args: CallArgs): CallContext['cacheAnchor'] {
    const value = args.named.get('system');
    if (!value || value.type === 'shorthand_property_identifier') return undefined;
    const resolved = this.syntax.resolve(value);
    if (this.syntax.isTextLiteral(resolved)) return { shape: 'text', at: spanOf(value) };
    if (resolved.type !== 'list' && resolved.type !== 'array') return undefined;
    const last = (this.syntax.items(resolved) ?? []).at(-1);
    return last && (last.type === 'dictionary' || last.type === 'object') ? { shape: 'blocks', at: spanOf(last) } : undefined;
  }

  /** A streamed reply is read as it comes: someone is waiting. */
  streams(r: FoundRequest): string | undefined {
    const stream = r.args.named.get('stream');
    if (stream && /^(True|true)$/.test(stream.text)) return 'the request streams its reply (stream=True)';
    if (/(^|\.)(stream\w*)$/i.test(r.call.callee)) return `the request streams its reply (${r.call.callee})`;
    return undefined;
  }

  /** A route decorator, a handler registered on an app or router, or an HTTP-method handler name, around the request. */
  handler(node: SyntaxNode): string | undefined {
    for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
      if (n.type === 'decorated_definition') {
        const decorators = n.namedChildren.filter((c) => c?.type === 'decorator').map((c) => c!.text);
        const route = decorators.find((d) => ROUTE_DECORATOR.test(d));
        if (route) return `it runs in a request handler (${route.split('(')[0]})`;
      }
      if (!this.functions.has(n.type)) continue;
      const name = this.functionName(n);
      if (name && HTTP_HANDLER_NAME.test(name)) return `it runs in a request handler (${name})`;
      const call = n.parent?.type === 'arguments' ? n.parent.parent : undefined;
      if (call && ROUTE_REGISTRATION.test(this.syntax.callee(call))) return `it runs in a request handler (${this.syntax.callee(call)})`;
    }
    return undefined;
  }

  /**
   * The loop over a collection that runs the request, in its function or, for a request inside a
   * function of this file, around a call of that function (`depth` levels of wrappers).
   */
  collectionLoop(node: SyntaxNode, depth: number): CallContext['overCollection'] {
    for (let n: SyntaxNode | null = node.parent, child: SyntaxNode = node; n; child = n, n = n.parent) {
      const found = this.loopConstruct(n, child);
      if (found === 'stop') return undefined;
      if (found) return found;
      if (this.functions.has(n.type)) {
        const mapped = this.mappedCallback(n);
        if (mapped) return mapped;
        return depth > 0 ? this.callersInLoops(n, depth - 1) : undefined;
      }
    }
    return undefined;
  }

  /** `for x in items:` / `for (const x of xs)` / a comprehension around `child`; 'stop' for a while loop or an agent-style loop. */
  private loopConstruct(n: SyntaxNode, child: SyntaxNode): CallContext['overCollection'] | 'stop' | undefined {
    const body = n.childForFieldName('body');
    const inBody = body !== null && contains(body, child);
    switch (n.type) {
      case 'while_statement':
      case 'do_statement':
        return 'stop';
      case 'for_statement':
      case 'for_in_statement': {
        if (!inBody) return undefined;
        // A loop that handles tool calls is an agent loop, not a batch.
        if (TOOL_HANDLING.test(body.text)) return 'stop';
        const header = n.text.slice(0, body.startIndex - n.startIndex).replace(/\s+/g, ' ').replace(/[:{(\s]+$/, '').trim();
        return this.overData(n) ? { line: n.startPosition.row + 1, construct: header } : 'stop';
      }
      default:
        if (!COMPREHENSION.has(n.type) || !inBody) return undefined;
        return { line: n.startPosition.row + 1, construct: n.text.replace(/\s+/g, ' ').slice(0, 80) };
    }
  }

  /** `for x in items` / `for (const x of xs)` / `for (let i = 0; i < xs.length; i++)` / `range(len(xs))`, not `range(10)`. */
  private overData(loop: SyntaxNode): boolean {
    if (loop.type === 'for_in_statement') return true;
    if (this.syntax.language === 'python') {
      const right = loop.childForFieldName('right');
      if (!right) return false;
      if (right.type === 'call' && /^(range|itertools\.count|count)$/.test(this.syntax.callee(right))) return /\blen\s*\(/.test(right.text);
      return true;
    }
    const condition = loop.childForFieldName('condition');
    return condition !== null && /\.(length|size)\b/.test(condition.text);
  }

  /** `items.map(async (x) => …)`, `map(lambda x: …, items)`. */
  private mappedCallback(fn: SyntaxNode): CallContext['overCollection'] {
    const call = fn.parent?.type === 'arguments' || fn.parent?.type === 'argument_list' ? fn.parent.parent : undefined;
    if (!call) return undefined;
    const callee = this.syntax.callee(call);
    if (!COLLECTION_METHOD.test(callee) && callee !== 'map') return undefined;
    return { line: call.startPosition.row + 1, construct: `${callee}(…)` };
  }

  /** The request sits in a function of this file: a call of it (or the function handed to a map) inside a collection loop. */
  private callersInLoops(fn: SyntaxNode, depth: number): CallContext['overCollection'] {
    const key = `${fn.id}:${depth}`;
    const known = this.callerLoops.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.findCallersInLoops(fn, depth);
    this.callerLoops.set(key, found ?? null);
    return found;
  }

  private findCallersInLoops(fn: SyntaxNode, depth: number): CallContext['overCollection'] {
    const name = this.functionName(fn);
    if (!name) return undefined;
    const index = this.indexCalls();
    // In file order, as a walk over every call would meet them.
    const candidates = [...(index.byName.get(name) ?? []), ...index.mappers].sort((a, b) => a.startIndex - b.startIndex);
    for (const c of candidates) {
      if (contains(fn, c)) continue;
      const callee = this.calleeOf(c);
      const direct = callee === name || callee.endsWith(`.${name}`);
      const mapped = (COLLECTION_METHOD.test(callee) || /(^|\.)map$/.test(callee)) && this.syntax.args(c).positional.some((a) => a.text === name);
      if (mapped) return { line: c.startPosition.row + 1, construct: `${callee}(${name}, …)` };
      if (!direct) continue;
      const loop = this.collectionLoop(c, depth);
      if (loop) return loop;
    }
    return undefined;
  }

  private indexCalls(): NonNullable<ContextReader['callIndex']> {
    if (this.callIndex) return this.callIndex;
    const byName = new Map<string, SyntaxNode[]>();
    const mappers: SyntaxNode[] = [];
    for (const c of this.collected.calls) {
      const callee = this.calleeOf(c);
      const last = callee.slice(callee.lastIndexOf('.') + 1);
      const list = byName.get(last);
      if (list) list.push(c);
      else byName.set(last, [c]);
      if (COLLECTION_METHOD.test(callee) || /(^|\.)map$/.test(callee)) mappers.push(c);
    }
    this.callIndex = { byName, mappers };
    return this.callIndex;
  }

  private calleeOf(call: SyntaxNode): string {
    let callee = this.callees.get(call.id);
    if (callee === undefined) {
      callee = this.syntax.callee(call);
      this.callees.set(call.id, callee);
    }
    return callee;
  }

  private functionName(fn: SyntaxNode): string | undefined {
    const own = fn.childForFieldName('name')?.text;
    if (own) return own;
    // `const summarize = async (doc) => …`
    const decl = this.collected.declarations.find((d) => d.isFunction && (d.value === fn || d.value.id === fn.id));
    return decl?.name;
  }

  private enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
    for (let n = node.parent; n; n = n.parent) if (this.functions.has(n.type)) return n;
    return undefined;
  }
}
