/**
 * TypeScript: a request posted by hand through helpers of the file. An application without an SDK posts the
 * request body itself, behind a generic sender and a per-endpoint wrapper:
 *
 *   const post = (hostname, path, headers, json) => new Promise((resolve) => https.request({ hostname, path, … }));
 *   const createCompletion = (key, json) => post('api.openai.com', '/v1/chat/completions', { … }, json);
 *   await createCompletion(apiKey, { model, messages: [{ role: 'system', content: prompt }, …] });
 *
 * The endpoint is known where the address is passed as literals to a function that sends (its body calls
 * `https.request`, `fetch`, `axios`, `got`…, or another such function of the file); the request is where the
 * body is written: follow the arguments that are parameters of the enclosing function out to its callers,
 * until one passes an object that carries the request's keys (`model`, `messages`…). That call is the site,
 * read like an SDK call (its payload's `model`, `messages`, `max_tokens`). A path on the app's own origin
 * (`/api/chat/openai` with no host) is the app's server route, not a provider's endpoint.
 */
import { endpointRule, isProviderHost, urlText, type HttpRequest } from './http-requests';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';

/** Calls that put bytes on the wire. */
const SENDS = /^(https?\.request|fetch|axios|axios\.(post|request)|got|got\.post|ky\.post|undici\.request|request)$/;
const FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function_declaration', 'function', 'generator_function_declaration']);
/** Keys that make an object a request body rather than headers or options. */
const PAYLOAD_KEY = /^['"]?(model|messages|prompt|contents)['"]?$/;
/** How many wrappers out from the endpoint a body may be written. */
const MAX_DEPTH = 4;

interface NamedFunction {
  readonly name: string;
  readonly params: readonly string[];
}

export class ForwardedPosts {
  private readonly found = new Map<number, HttpRequest>();
  private readonly enclosing = new EnclosingFunctions();

  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
  ) {
    if (syntax.language === 'typescript') this.build();
  }

  /** The request of a call that posts a body through the file's helpers, or undefined. */
  requestOf(node: SyntaxNode): HttpRequest | undefined {
    return this.found.get(node.startIndex);
  }

  private build(): void {
    const senders = this.senders();
    if (!senders.size) return;
    for (const call of this.collected.calls) {
      const callee = this.syntax.callee(call);
      if (!senders.has(callee)) continue;
      const rule = this.endpointOf(call);
      if (rule) this.follow(call, { ...rule, tag: 'forwarded-post' }, undefined, 0);
    }
  }

  /** Names of the file's functions that send: their body calls a sender, or (transitively) one of them. */
  private senders(): Set<string> {
    const callers = new Map<string, Set<string>>();
    const out = new Set<string>();
    // Most files send nothing by hand: skip the walk to every call's function (deeply nested calls made it quadratic).
    if (!this.collected.calls.some((call) => SENDS.test(this.syntax.callee(call)))) return out;
    for (const call of this.collected.calls) {
      const callee = this.syntax.callee(call);
      const outer = this.enclosing.of(call);
      if (!outer) continue;
      if (SENDS.test(callee)) out.add(outer.name);
      else if (/^[\w$]+$/.test(callee)) {
        const set = callers.get(callee) ?? new Set<string>();
        set.add(outer.name);
        callers.set(callee, set);
      }
    }
    const queue = [...out];
    while (queue.length) for (const caller of callers.get(queue.pop()!) ?? []) if (!out.has(caller)) queue.push(caller), out.add(caller);
    return out;
  }

  /** The request rule when the call passes an LLM endpoint's address: a full URL, or a host and a path apart. */
  private endpointOf(call: SyntaxNode): ReturnType<typeof endpointRule> {
    const texts = this.syntax.args(call).positional.map((a) => urlText(this.syntax, a));
    const host = texts.find(isProviderHost);
    for (const text of texts) {
      // `/api/chat/openai` alone is a route of the app itself; with a provider's host beside it, it is the API's path.
      if (/^\/(?!\/)/.test(text) && !host) continue;
      const rule = endpointRule(text, host ?? text);
      if (rule) return rule;
    }
    return undefined;
  }

  /**
   * Where the body is written: an argument (at `indices`, or any on the endpoint call) that is an object with the
   * request's keys makes this call the site; an argument that is a parameter of the enclosing function sends the
   * search out to that function's callers in the file.
   */
  private follow(call: SyntaxNode, rule: NonNullable<ReturnType<typeof endpointRule>>, indices: readonly number[] | undefined, depth: number): void {
    const args = this.syntax.args(call).positional;
    const looked = indices ?? args.map((_, i) => i);
    for (const i of looked) {
      const payload = args[i] ? this.payloadOf(args[i]) : undefined;
      if (payload) {
        if (!this.found.has(call.startIndex)) this.found.set(call.startIndex, { rule, payload });
        return;
      }
    }
    if (depth >= MAX_DEPTH) return;
    const outer = this.enclosing.of(call);
    if (!outer) return;
    const forwarded = looked.map((i) => (args[i]?.type === 'identifier' ? outer.params.indexOf(args[i].text) : -1)).filter((i) => i >= 0);
    if (!forwarded.length) return;
    for (const c of this.collected.calls) if (this.syntax.callee(c) === outer.name && c !== call) this.follow(c, rule, forwarded, depth + 1);
  }

  private payloadOf(arg: SyntaxNode): SyntaxNode | undefined {
    const target = this.syntax.resolve(arg);
    if (target.type !== 'object') return undefined;
    const entries = this.syntax.entries(target);
    return entries && [...entries.keys()].some((k) => PAYLOAD_KEY.test(k)) ? target : undefined;
  }
}

/**
 * The innermost named function around a node (an arrow held by a `const`, a function declaration), skipping
 * anonymous callbacks. Memoized by node id along each walk, so asking for every call of a file is linear in the
 * tree, not in calls × depth (20,000 nested calls would otherwise walk 200 million parents).
 */
class EnclosingFunctions {
  private readonly byNode = new Map<number, NamedFunction | null>();

  of(node: SyntaxNode): NamedFunction | undefined {
    const walked: number[] = [];
    let found: NamedFunction | null = null;
    for (let p = node.parent; p; p = p.parent) {
      const known = this.byNode.get(p.id);
      if (known !== undefined) {
        found = known;
        break;
      }
      walked.push(p.id);
      const named = FUNCTIONS.has(p.type) ? namedFunction(p) : undefined;
      if (named) {
        found = named;
        break;
      }
    }
    for (const id of walked) this.byNode.set(id, found);
    return found ?? undefined;
  }
}

function namedFunction(fn: SyntaxNode): NamedFunction | undefined {
  const name = fn.childForFieldName('name')?.text ?? (fn.parent?.type === 'variable_declarator' ? fn.parent.childForFieldName('name')?.text : undefined);
  return name ? { name, params: paramsOf(fn) } : undefined;
}

function paramsOf(fn: SyntaxNode): string[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single.text];
  const list = fn.childForFieldName('parameters')?.namedChildren ?? [];
  return list.map((p) => (p?.childForFieldName('pattern') ?? p)?.text ?? '');
}
