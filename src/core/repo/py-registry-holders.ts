/**
 * Python: a chat-model family object whose class is picked at run time from a registry. A CLI keeps a table of
 * its provider classes (`MODEL_DICT = {"chatgptapi": ChatGPTAPI, "claude": Claude, "deepl": DeepL}`), picks one
 * by an option with a default key (`MODEL_DICT.get(options.model)` / `else: MODEL_DICT.get("chatgptapi")`) and
 * hands the class to a worker, itself often picked from a second table (`BOOK_LOADER_DICT.get(book_type)(name,
 * translate_model, …)`), whose constructor builds the object (`self.translate_model = model(key, language)`). The
 * worker's `self.translate_model.translate(…)` is the call site (py-families.ts), priced on the class the default
 * key picks; the other entries that send a request are the site's alternatives.
 *
 * Read only along that flow: the receiver's class's constructor storing a parameter's call, that constructor's
 * callers (the call graph's, and calls through a local read from a table of classes holding it), and the argument
 * each passes, followed to its assignments that read a table of classes. A table of classes none of which sends
 * (data loaders, plain MT engines), or whose default key picks such a class, gives nothing: no site.
 */
import type { Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import type { ClassAt, PyFamilies } from './py-families';
import type { RepoStore, StoredFile } from './store';
import { attempt, enclosingMethod, type Bound, type CallerLookup } from './values';
import { scopeOfPath } from '../report/scope';

const MAX_CALLERS = 12;
const MAX_ENTRIES = 60;

export interface RegistryHeld {
  readonly cls?: ClassAt;
  readonly roots: string[];
  /** Provenance: the table, the default key and the other entries that send. */
  readonly note: string;
}

interface Table {
  /** Key → class name, for the entries that are classes. */
  readonly classes: Map<string, string>;
  readonly name: string;
}

export class RegistryHolders {
  private readonly memo = new Map<string, RegistryHeld | null>();
  private readonly tables = new Map<string, Table | null>();
  private viaTables?: Map<string, Bound[]>;

  constructor(
    private readonly store: RepoStore,
    private readonly evaluator: Evaluator,
    private readonly callers: CallerLookup,
    private readonly families: PyFamilies,
  ) {}

  /** The family object a receiver of a method holds because its class's constructor builds it from a class passed in. */
  held(receiver: Expr, path: string, fn: FunctionFact, method: string): RegistryHeld | undefined {
    const attr = selfAttr(receiver, fn);
    const owner = attr ? this.classOfMethod(path, fn) : undefined;
    if (!attr || !owner) return undefined;
    const key = `${path}#${owner}.${attr}.${method}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? undefined;
    this.memo.set(key, null);
    const found = this.heldNow(path, owner, attr, method);
    this.memo.set(key, found ?? null);
    return found;
  }

  private classOfMethod(path: string, fn: FunctionFact): string | undefined {
    const functions = this.store.get(path)?.functions;
    const method = fn.name.includes('.') ? fn : functions ? enclosingMethod(functions.values(), fn) : undefined;
    return method?.name.split('.')[0];
  }

  private heldNow(path: string, cls: string, attr: string, method: string): RegistryHeld | undefined {
    const stored = this.store.get(path);
    const fact = stored?.classes.get(cls);
    const ctor = stored?.functions.get(`${cls}.__init__`);
    if (!fact || !ctor) return undefined;
    const written = [fact.attrs[attr]?.fn === ctor.name ? fact.attrs[attr].expr : undefined, ...(fact.moreAttrs?.[attr] ?? [])];
    // `self.translate_model = model(key, language)`: the parameter holds a class.
    const index = ctor.params.findIndex((p) => written.some((e) => e?.k === 'call' && e.callee.k === 'name' && e.callee.v === p.name));
    if (index < 0) return undefined;
    const param = ctor.params[index];
    const position = ctor.params.slice(0, index).filter((q) => q.fromObject === undefined).length;
    const bounds = [...this.callers(path, ctor.name), ...this.tableCallers(path, cls)];
    let found: RegistryHeld | undefined;
    for (const b of bounds.filter((x) => scopeOfPath(x.ctx.path) === 'runtime').slice(0, MAX_CALLERS)) {
      const arg = b.kw[param.name] ?? (param.fromObject === undefined ? b.args[position] : undefined);
      const held = arg ? this.picked(arg, b.ctx, method) : undefined;
      if (held === null) return undefined;
      if (!held) continue;
      found ??= held;
      if (held.cls) return held;
    }
    return found;
  }

  /**
   * What an argument holding a class picked from a table gives: the table's sending classes, and the one the default
   * key picks. Null when the default key picks a class that sends nothing (a plain MT engine): no site.
   */
  private picked(arg: Expr, ctx: { path: string; fn?: FunctionFact }, method: string): RegistryHeld | null | undefined {
    const assigned = arg.k === 'name' && ctx.fn ? [ctx.fn.locals[arg.v], ...(ctx.fn.moreLocals?.[arg.v] ?? [])].filter((e): e is Expr => Boolean(e)) : [arg];
    let roots: string[] | undefined;
    let table: Table | undefined;
    for (const e of assigned) {
      const read = tableRead(e);
      const t = read ? this.table(read.table, ctx) : undefined;
      if (!read || !t) continue;
      const sending = [...new Set(t.classes.values())].filter((c) => this.families.classAt(c) && this.families.reaches(c, method));
      if (!sending.length) continue;
      roots ??= sending;
      table ??= t;
      const key = read.key.k === 'str' ? read.key.v : keyValue(attempt(() => this.evaluator.eval(read.key, ctx)));
      const pick = key !== undefined ? t.classes.get(key) : undefined;
      if (!pick) continue;
      if (!sending.includes(pick)) return null;
      const others = sending.filter((c) => c !== pick);
      return { cls: this.families.classAt(pick), roots: sending, note: `${t.name}[${JSON.stringify(key)}] = ${pick} by default${others.length ? `; the other entries that send: ${others.slice(0, 6).join(', ')}` : ''}` };
    }
    return roots && table ? { roots, note: `a class picked from ${table.name} at run time (${roots.slice(0, 6).join(', ')})` } : undefined;
  }

  /** A table of classes: a dict whose entries are classes (two or more). */
  private table(e: Expr, ctx: { path: string; fn?: FunctionFact }): Table | undefined {
    const v = attempt(() => this.evaluator.eval(e, ctx));
    if (v?.t !== 'dict') return undefined;
    const id = `${v.ctx.path}:${e.line}:${Object.keys(v.entries).join(',')}`;
    if (this.tables.has(id)) return this.tables.get(id) ?? undefined;
    const classes = new Map<string, string>();
    for (const [k, x] of Object.entries(v.entries).slice(0, MAX_ENTRIES)) {
      const c = x.k === 'name' || x.k === 'member' ? attempt(() => this.evaluator.eval(x, v.ctx)) : undefined;
      if (c?.t === 'class') classes.set(k, c.cls.name);
    }
    const out = classes.size >= 2 ? { classes, name: exprName(e) } : undefined;
    this.tables.set(id, out ?? null);
    return out;
  }

  /** Calls of a class's constructor through a table: `loader = LOADERS.get(kind)` then `loader(…)`, or `LOADERS[kind](…)`. */
  private tableCallers(path: string, cls: string): Bound[] {
    if (!this.viaTables) {
      this.viaTables = new Map();
      for (const s of this.store.files()) {
        if (s.file.language !== 'python' || scopeOfPath(s.file.path) !== 'runtime') continue;
        for (const fn of s.functions.values()) {
          for (const c of fn.calls) {
            if (c.expr.k !== 'call') continue;
            const callee = c.expr.callee;
            const source = callee.k === 'name' ? fn.locals[callee.v] : callee;
            const read = source ? tableRead(source) : undefined;
            const t = read ? this.table(read.table, { path: s.file.path, fn }) : undefined;
            if (!t) continue;
            for (const target of new Set(t.classes.values())) {
              const at = this.classPath(target);
              if (!at) continue;
              const list = this.viaTables.get(`${at}#${target}`) ?? [];
              list.push({ args: c.expr.args, kw: c.expr.kw, ctx: { path: s.file.path, fn }, line: c.line });
              this.viaTables.set(`${at}#${target}`, list);
            }
          }
        }
      }
    }
    return this.viaTables.get(`${path}#${cls}`) ?? [];
  }

  private classPath(name: string): string | undefined {
    for (const s of this.store.files()) if (s.classes.has(name)) return s.file.path;
    return undefined;
  }
}

/** `self.x.method` where the class's constructor builds `self.x` by calling one of its parameters (a class passed in). */
export function builtFromPassedClass(stored: StoredFile, cls: string, callee: string): boolean {
  const m = /^self\.(\w+)\.\w+$/.exec(callee);
  const fact = m ? stored.classes.get(cls) : undefined;
  const ctor = stored.functions.get(`${cls}.__init__`);
  if (!m || !fact || !ctor) return false;
  const written = [fact.attrs[m[1]]?.fn === ctor.name ? fact.attrs[m[1]].expr : undefined, ...(fact.moreAttrs?.[m[1]] ?? [])];
  return written.some((e) => e?.k === 'call' && e.callee.k === 'name' && ctor.params.some((p) => p.name === (e.callee as { v: string }).v));
}

/** `self.x`, or a local/parameter the body sets to `self.x` when none is given (`t = t or self.x`, `t if t is not None else self.x`). */
function selfAttr(receiver: Expr, fn: FunctionFact): string | undefined {
  if (receiver.k === 'member' && isSelf(receiver.obj)) return receiver.prop;
  if (receiver.k !== 'name') return undefined;
  const param = fn.params.find((p) => p.name === receiver.v);
  for (const e of [param?.fallback, fn.locals[receiver.v], ...(fn.moreLocals?.[receiver.v] ?? [])]) {
    const attr = e ? fallbackAttr(e, receiver.v, 0) : undefined;
    if (attr) return attr;
  }
  return undefined;
}

function fallbackAttr(e: Expr, name: string, depth: number): string | undefined {
  if (depth > 3) return undefined;
  if (e.k === 'member' && isSelf(e.obj)) return e.prop;
  if (e.k === 'or') return (e.left.k === 'name' && e.left.v === name ? undefined : fallbackAttr(e.left, name, depth + 1)) ?? fallbackAttr(e.right, name, depth + 1);
  return undefined;
}

/** `T.get(key)`, `T[key]`: the table and the key. */
function tableRead(e: Expr): { table: Expr; key: Expr } | undefined {
  if (e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'get' && e.args[0] && e.args.length <= 2) return { table: e.callee.obj, key: e.args[0] };
  if (e.k === 'index') return { table: e.obj, key: { k: 'str', v: e.key, line: e.line } };
  if (e.k === 'lookup') return { table: e.obj, key: e.key };
  if (e.k === 'unknown') {
    const m = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\[([A-Za-z_][\w.]*)\]$/.exec(e.text.trim());
    if (m) return { table: dotted(m[1], e.line), key: dotted(m[2], e.line) };
  }
  return undefined;
}

function dotted(text: string, line: number): Expr {
  const [head, ...rest] = text.split('.');
  let out: Expr = { k: 'name', v: head, line };
  for (const p of rest) out = { k: 'member', obj: out, prop: p, line };
  return out;
}

function keyValue(v: ReturnType<Evaluator['eval']>): string | undefined {
  return v?.t === 'str' ? v.v : undefined;
}

function exprName(e: Expr): string {
  if (e.k === 'name') return e.v;
  if (e.k === 'member') return `${exprName(e.obj)}.${e.prop}`;
  return 'a table of classes';
}

function isSelf(e: Expr): boolean {
  return (e.k === 'name' && e.v === 'self') || (e.k === 'unknown' && e.text === 'self');
}
