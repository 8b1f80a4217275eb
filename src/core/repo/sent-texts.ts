/**
 * Prompt text passed to the repository's own wrappers: `ai.start(setup_sys_prompt(p), prompt.to_content())`,
 * `ai.next(messages, "Make your own assumptions…")`, `improve(ai, Prompt(f"A program … failed: {err}"))`.
 * From each request, the names its input is built from are followed back through the function it sits in
 * (locals, lists the names are appended to) to the parameters they come from, then through the call graph
 * to what each caller passes there: a text written at the call, a local's texts, what a repository function
 * returns, a file of a prompt folder picked by key (prompt-dirs.ts). Those texts are prompts of the files
 * they are written in, and they are the input of the request the caller reaches.
 *
 * Only parameters that reach a request's input carry: a text passed to another parameter (a step name, a
 * log label) is not taken. Each caller's texts form one group (one request sends one group); the request is
 * priced on its largest group, and the texts it sends in its own function are left to detection.
 */
import type { DetectedPrompt } from '../detect/types';
import type { SourceRef } from '../report/types';
import { scopeOfPath } from '../report/scope';
import type { Expr, FunctionFact } from './facts';
import type { KeyRead, NameFlow, TextFact } from './sent-types';
import type { RepoStore, StoredFile } from './store';
import type { Edge } from './graph';
import { carriedArg, returnsOther } from './carried-args';
import { fieldOf, fieldsSent, keepsArgument, passedField, returnedObjects } from './options-fields';

/** Calls between the request and the text: the request's function, its wrappers, their callers. */
const MAX_HOPS = 5;
const MAX_VISITS = 400;
/** An upper-case module-level name (`_PATH_HINT`, `RETRY_NOTE`): a constant by Python and JavaScript convention. */
const MODULE_CONSTANT = /^_*[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^_*[A-Z]{2,}[A-Z0-9]*$/;
/** A formatted text literal kept as source: `f"…{x}…"`, a template literal. */
const FORMATTED = /^(f|rf|fr|F|Rf|fR)?("|'|`)/;

export interface SentGroup {
  /** The function whose calls pass these texts (`path#fn`). */
  readonly key: string;
  readonly texts: { readonly path: string; readonly fact: TextFact }[];
  readonly files: { readonly path: string; readonly from: SourceRef; readonly key: string }[];
}

export interface SentSources {
  readonly store: RepoStore;
  readonly callers: (path: string, fn: string) => readonly Edge[];
  readonly outgoing: (path: string, fn: string | undefined) => readonly Edge[];
  /** Prompt folder files by name (prompt-dirs.ts). */
  readonly dirFiles: () => ReadonlyMap<string, string>;
}

interface FileIndex {
  readonly byCall: Map<string, TextFact[]>;
  readonly byLocal: Map<string, TextFact[]>;
  readonly byReturn: Map<string, TextFact[]>;
  readonly flows: Map<string, NameFlow[]>;
  readonly keys: Map<string, KeyRead[]>;
}

const indexes = new WeakMap<StoredFile, FileIndex>();

function indexOf(stored: StoredFile): FileIndex {
  let idx = indexes.get(stored);
  if (idx) return idx;
  idx = { byCall: new Map(), byLocal: new Map(), byReturn: new Map(), flows: new Map(), keys: new Map() };
  const sent = stored.facts.sent;
  for (const t of sent?.texts ?? []) {
    const at = t.at;
    if ('call' in at) push(idx.byCall, `${at.callLine}#${at.call}`, t);
    else if ('local' in at) push(idx.byLocal, `${t.fn ?? ''}#${at.local}`, t);
    else push(idx.byReturn, t.fn ?? '', t);
  }
  for (const f of sent?.flows ?? []) push(idx.flows, `${f.fn ?? ''}#${f.into}`, f);
  for (const k of sent?.keyReads ?? []) push(idx.keys, k.fn ?? '', k);
  indexes.set(stored, idx);
  return idx;
}

/** The groups of texts callers send through a request of `path`'s function `fn` whose input is built from `inputs`. */
export function sentTexts(src: SentSources, path: string, fn: string, inputs: readonly string[]): SentGroup[] {
  const groups = new Map<string, SentGroup>();
  const seenText = new Set<string>();
  const visited = new Set<string>();
  const dirFiles = src.dirFiles();
  const group = (key: string): SentGroup => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, texts: [], files: [] }));
    return g;
  };
  const reveal = (g: string | undefined, p: string, facts: readonly TextFact[] | undefined): void => {
    if (!g) return;
    for (const fact of facts ?? []) {
      const id = `${g}:${p}:${fact.line}.${fact.column}`;
      if (seenText.has(id)) continue;
      seenText.add(id);
      group(g).texts.push({ path: p, fact });
    }
  };
  const keyed = (g: string | undefined, p: string, key: string, line: number): void => {
    const file = dirFiles.get(key);
    if (!g || !file || group(g).files.some((f) => f.path === file)) return;
    group(g).files.push({ path: file, from: { path: p, line }, key });
  };

  /**
   * A name of function `fnName` that the input is built from; `g` is the group its texts go to (undefined: the
   * request's own function); `key`: the field of it that is sent, where it is an options object (options-fields.ts);
   * `readAt`: the line where the name is read (texts added to it later are not in what was sent).
   */
  const carry = (p: string, fnName: string, name: string, hops: number, g: string | undefined, key?: string, readAt?: number): void => {
    const visit = `${p}#${fnName}#${name}#${g ?? ''}#${key ?? ''}#${readAt ?? ''}`;
    if (visited.has(visit) || visited.size > MAX_VISITS) return;
    visited.add(visit);
    const stored = src.store.get(p);
    const fact = stored?.functions.get(fnName);
    if (!stored || !fact) return;
    const idx = indexOf(stored);
    // Read at a line: a text added after it (`spec += "…"` once the request is sent) is not in what was read.
    reveal(g, p, idx.byLocal.get(`${fnName}#${name}`)?.filter((t) => readAt === undefined || t.line <= readAt || fact.loops.some((l) => l.line <= readAt && readAt <= l.endLine && t.line <= l.endLine)));
    for (const flow of idx.flows.get(`${fnName}#${name}`) ?? []) {
      for (const n of flow.names) carry(p, fnName, n, hops, g);
      for (const k of flow.keys ?? []) keyed(g, p, k, fact.line);
      for (const c of flow.calls ?? []) follow(p, fact, { k: 'call', callee: { k: 'unknown', text: c.callee, line: c.line }, text: c.callee, args: [], kw: {}, line: c.line }, hops, g);
    }
    if (Object.hasOwn(fact.locals, name)) for (const local of [fact.locals[name], ...(fact.moreLocals?.[name] ?? [])]) if (local) follow(p, fact, local, hops, g, 0, key);
    const index = fact.params.findIndex((q) => q.name === name);
    // `task = f"{_QUOTING_HINT}\n{task}"`: a module constant spliced into the text sent (a nudge put in front of the
    // first user message); its text is sent with it. A one-word value (`TOOL_NAME = 'researchPlanner'`) is an id, not text.
    if (index < 0 && !Object.hasOwn(fact.locals, name) && MODULE_CONSTANT.test(name)) reveal(g, p, idx.byLocal.get(`#${name}`)?.filter((t) => /\S\s+\S/.test(t.text)));
    if (index < 0 || hops >= MAX_HOPS) return;
    const param = fact.params[index];
    const position = fact.params.slice(0, index).filter((q) => q.fromObject === undefined).length;
    for (const edge of src.callers(p, fnName)) {
      if ((edge.path === p && edge.from === fnName) || scopeOfPath(edge.path) === 'test') continue;
      const callerGroup = `${edge.path}#${edge.from ?? ''}`;
      const texts = src.store.get(edge.path) ? indexOf(src.store.get(edge.path)!).byCall.get(`${edge.line}#${edge.writtenAs ?? edge.callee}`) : undefined;
      reveal(callerGroup, edge.path, texts?.filter((t) => 'arg' in t.at && (t.at.arg === param.name || t.at.arg === position)));
      const arg = passedField(param.fromObject === undefined ? (edge.bound.kw[param.name] ?? edge.bound.args[position]) : fieldOf(edge.bound.args[param.fromObject], param.name), key);
      const callerFn = edge.from ? src.store.get(edge.path)?.functions.get(edge.from) : undefined;
      if (arg && callerFn) follow(edge.path, callerFn, arg, hops + 1, callerGroup);
      else if (arg && arg.k === 'index') keyed(callerGroup, edge.path, arg.key, edge.line);
    }
  };

  /** What an expression passed or assigned in `fn` is built from. */
  const follow = (p: string, fact: FunctionFact, e: Expr, hops: number, g: string | undefined, depth = 0, key?: string): void => {
    if (depth > 4) return;
    switch (e.k) {
      case 'name':
        return /^(self|this)$/.test(e.v) ? undefined : carry(p, fact.name, e.v, hops, g, key, e.line);
      case 'dict':
        // An options object: the field sent (`{ system, messages }` read back as `options.system`), else every field.
        for (const v of fieldsSent(e, key)) follow(p, fact, v, hops, g, depth + 1);
        return;
      case 'index':
        keyed(g, p, e.key, e.line);
        return follow(p, fact, e.obj, hops, g, depth + 1);
      case 'member':
        return follow(p, fact, e.obj, hops, g, depth + 1, e.obj.k === 'name' || e.obj.k === 'call' ? e.prop : undefined);
      case 'or':
        follow(p, fact, e.left, hops, g, depth + 1);
        return follow(p, fact, e.right, hops, g, depth + 1);
      case 'call': {
        const stored = src.store.get(p);
        if (!stored || isRequestAt(stored, e.line, e.text)) return;
        // Texts written as its arguments (`Prompt(f"…")`, `HumanMessage(content="…")`), and the names it is given;
        // for a repository function, only those its result is built from (carried-args.ts), and never those a
        // helper that returns something else is handed (`askQuestion("Your answer: ")`, options-fields.ts).
        const edges = src.outgoing(p, fact.name).filter((edge) => edge.line === e.line && edge.callee === e.text);
        const { carried, other } = carriedBy(src.store, edges);
        const helpers = edges.map((edge) => src.store.get(edge.target.path)?.functions.get(edge.target.fn));
        const kept = (arg: number | string): boolean => helpers.every((h) => !h || keepsArgument(h, arg));
        // In a zod schema only the `.describe(…)` texts are prompts (`z.literal('definitive')` is a value).
        const zodValue = /^z\./.test(e.text) && !/\.describe$/.test(e.text);
        if (!zodValue) reveal(g, p, indexOf(stored).byCall.get(`${e.line}#${e.text}`)?.filter((t) => !('arg' in t.at) || (carried(t.at.arg) && kept(t.at.arg))));
        // A name is followed unless the function plainly returns something else (a list it trims still reaches the
        // request) or the name only holds a text written here: then it is that text, passed like one at the call.
        const literal = (v: Expr | undefined): boolean => v?.k === 'str' || (v?.k === 'unknown' && FORMATTED.test(v.text));
        const textOnly = (a: Expr): boolean => literal(a) || (a.k === 'name' && literal(fact.locals[a.v]) && (fact.moreLocals?.[a.v] ?? []).every(literal));
        const followed = (a: Expr, arg: number | string): boolean => kept(arg) && (carried(arg) || (!other && !textOnly(a)));
        for (const [i, a] of e.args.entries()) if (followed(a, i)) follow(p, fact, a, hops, g, depth + 1);
        for (const [k, a] of Object.entries(e.kw)) if (followed(a, k)) follow(p, fact, a, hops, g, depth + 1);
        if (e.callee.k === 'member') follow(p, fact, e.callee.obj, hops, g, depth + 1);
        // A repository function: the texts it returns, and the prompt files it picks by key.
        for (const edge of edges) {
          const target = src.store.get(edge.target.path);
          const targetFn = target?.functions.get(edge.target.fn);
          if (!target || !targetFn) continue;
          const idx = indexOf(target);
          // A single token returned (`'undefined'`, `'Array<unknown>'` from a type describer) is a value, not prompt text.
          reveal(g, edge.target.path, idx.byReturn.get(targetFn.name)?.filter((t) => /\S\s+\S/.test(t.text)));
          for (const k of idx.keys.get(targetFn.name) ?? []) keyed(g, edge.target.path, k.key, k.line);
          // What the returned local (or the returned object's sent field: `return { system: join(sections) }`) is
          // built from inside the function; its parameters are this call's arguments, followed above, not what every
          // other caller of the function passes.
          if (targetFn.returns?.k === 'name') carry(edge.target.path, targetFn.name, targetFn.returns.v, MAX_HOPS, g, key);
          else for (const r of returnedObjects(targetFn)) follow(edge.target.path, targetFn, r, MAX_HOPS, g, 0, key);
          // `if cached: return cached` … `return build_context(ticker)`: a later return that builds the text elsewhere.
          for (const r of targetFn.moreReturns ?? []) if (r.k === 'call' || r.k === 'name') follow(edge.target.path, targetFn, r, hops + 1, g, depth + 1, key);
        }
        return;
      }
      case 'unknown':
        // Kept as text past the extraction's depth: `preprompts["entrypoint"]`, `prompt.text`.
        for (const m of e.text.matchAll(/\[\s*["']([\w.-]{2,60})["']\s*\]/g)) keyed(g, p, m[1], e.line);
        for (const n of new Set(e.text.match(/\b[A-Za-z_]\w*\b/g) ?? [])) if (Object.hasOwn(fact.locals, n) || fact.params.some((q) => q.name === n)) carry(p, fact.name, n, hops, g);
        return;
      default:
        return;
    }
  };

  for (const name of inputs) carry(path, fn, name.replace(/\..*$/, ''), 0, undefined);
  return [...groups.values()].filter((g) => g.texts.length || g.files.length);
}

/**
 * Which arguments of a call reach its value: all for a library call, else those some target's result is built from;
 * `other`: every target plainly returns something else (carried-args.ts).
 */
function carriedBy(store: RepoStore, edges: readonly Edge[]): { carried: (arg: number | string) => boolean; other: boolean } {
  const targets = edges.flatMap((edge) => {
    const file = store.get(edge.target.path);
    const fn = file?.functions.get(edge.target.fn);
    return file && fn ? [{ file, fn }] : [];
  });
  return { carried: (arg) => !targets.length || targets.some((t) => carriedArg(t, arg)), other: targets.length > 0 && targets.every(returnsOther) };
}

/** A text found by sentTexts as a prompt of the file it is written in. */
export function sentPrompt(path: string, fact: TextFact, reached: SourceRef): DetectedPrompt {
  const at = fact.at;
  const where = 'call' in at ? `argument ${typeof at.arg === 'number' ? at.arg + 1 : at.arg} of ${at.call}` : 'local' in at ? `text added to ${at.local}` : `returned by ${fact.fn ?? 'a function'}`;
  return {
    id: `p${fact.line}.${fact.column}`,
    line: fact.line,
    column: fact.column,
    endLine: fact.endLine,
    endColumn: fact.endColumn,
    kind: 'call' in at && /\.describe$/.test(at.call) ? 'tool-description' : /system/i.test(where) ? 'system' : 'user-template',
    text: fact.text,
    placeholders: fact.placeholders,
    confidence: 0.8,
    reason: `${where} (${path}), sent with the request at ${reached.path}:${reached.line}`,
  };
}

/**
 * `response = client.messages.create(model="claude-3-opus-20240229", system=f"…")` … `messages.append({"content":
 * response.content[0].text})`: a model request's result is the model's answer. What the request itself is given (its
 * model id, its own prompt, which detection reports at it) is not in that answer, so nothing is followed into it.
 */
function isRequestAt(stored: StoredFile, line: number, callee: string): boolean {
  return stored.file.calls.some((c) => !c.agent && c.line === line && c.callee.replace(/\s+/g, '') === callee.replace(/\s+/g, ''));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every request's groups (by `path#callId`), and the prompts they reveal by file. One pass over the requests. */
export function allSentTexts(src: SentSources, isUse: (path: string, callId: string) => boolean): { byCall: Map<string, SentGroup[]>; prompts: Map<string, DetectedPrompt[]> } {
  const byCall = new Map<string, SentGroup[]>();
  const prompts = new Map<string, DetectedPrompt[]>();
  for (const stored of src.store.files()) {
    const path = stored.file.path;
    if (scopeOfPath(path) === 'test') continue;
    for (const fact of stored.facts.calls) {
      const call = stored.file.calls.find((c) => c.id === fact.id);
      if (!call || call.agent || !fact.fn || !fact.inputs?.length || isUse(path, fact.id)) continue;
      const groups = sentTexts(src, path, fact.fn, fact.inputs);
      if (!groups.length) continue;
      byCall.set(`${path}#${fact.id}`, groups);
      for (const g of groups) {
        for (const t of g.texts) {
          if (isFieldLine(t.fact)) continue;
          const list = prompts.get(t.path) ?? [];
          const p = sentPrompt(t.path, t.fact, { path, line: call.line });
          if (!list.some((q) => q.id === p.id)) list.push(p);
          prompts.set(t.path, list);
        }
      }
    }
  }
  return { byCall, prompts };
}

/**
 * `details.append(f"Exchange: {exchange}")`: a value under a one- or two-word label, appended to a list that a
 * prompt is later built from (a whole message `result = f"User response: {reply}"` stays a prompt). It is sent (and priced with its group), but it is data the code fills in, not text written
 * for the model.
 */
function isFieldLine(fact: TextFact): boolean {
  if (!('local' in fact.at) || !fact.at.appended || !fact.placeholders.length) return false;
  const written = fact.text.replace(/\{[^{}]*\}/g, ' ');
  return /^\s*[A-Za-z][\w ]{0,40}:[^A-Za-z]*$/.test(written) && (written.match(/[A-Za-z]{2,}/g) ?? []).length <= 2;
}

/** The group a request is priced on: the one with the most text (each caller sends its own). */
export function largestGroup(groups: readonly SentGroup[], fileText: (path: string) => string | undefined): SentGroup | undefined {
  let best: SentGroup | undefined;
  let bestSize = -1;
  for (const g of groups) {
    const size = g.texts.reduce((n, t) => n + t.fact.text.length, 0) + g.files.reduce((n, f) => n + (fileText(f.path)?.length ?? 0), 0);
    if (size > bestSize) [best, bestSize] = [g, size];
  }
  return best;
}
