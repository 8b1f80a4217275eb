/**
 * Prompt files read by name through the repository's own loaders: a function that builds the file name from a
 * name it is given (`load_text(f"{package_path}/control_primitives_context/{name}.js")` over a list parameter,
 * `env.get_template(f"{prompt}.j2")` beside the module, `readFileSync(path.join(__dirname, "prompts", `${name}.md`))`)
 * and callers that pass literal names (`load_context(["mineBlock", "craftItem"])`, `load("system")`). Each name picks
 * the repository file whose path ends with the loader's folder and file name filled in.
 *
 * Taken only when a caller's argument evaluates to literal names, the name is the last part of the file name's
 * template, the file is text (`.txt`, `.md`, Jinja…) or example code, and the loader's folder or own name says it
 * holds prompts, context or examples; data (`.json`, `.csv`), HTML and SQL templates are not taken.
 */
import type { Val } from './evaluate';
import type { Ctx } from './evaluate';
import type { Expr, FunctionFact } from './facts';
import type { Edge } from './graph';
import { scopeOfPath } from '../report/scope';
import type { RepoStore } from './store';
import { PROMPT_TEXT_FILE } from './loaded-files';

/** Prompt text a loader reads whole. */
/** Example code shown to the model. */
const CODE_EXT = /\.(js|ts|py)$/i;
/**
 * A loader's folder or own name that says what it reads is shown to a model; `get_template(f"{name}.j2")` alone
 * renders configuration and e-mail as often as prompts (public code: 10 of 10 hits of that call were not prompts).
 */
const CONTEXT_WORD = /prompt|context|example|few_?shot|instruction|system|persona|skill/i;
const MAX_NAMES = 50;

export interface NamedLoaded {
  readonly path: string;
  readonly key: string;
  readonly from: { readonly path: string; readonly line: number };
}

type Piece = { readonly lit: string } | { readonly name: string };

interface Loader {
  readonly fn: FunctionFact;
  readonly path: string;
  /** The parameter the names come in by, and its place among the call's arguments. */
  readonly param: string;
  readonly index: number;
  /** The path's end before and after the name (`/control_primitives_context/`, `.js`). */
  readonly before: string;
  readonly after: string;
}

/** Each file the repository's loaders read by a literal name a caller passes, with the call that names it. */
export function namedLoaderFiles(
  store: RepoStore,
  evalIn: (e: Expr, ctx: Ctx) => Val | undefined,
  callers: (path: string, fn: string) => readonly Edge[],
  readText?: (path: string) => string | undefined,
): Map<string, NamedLoaded> {
  const out = new Map<string, NamedLoaded>();
  const loaders = findLoaders(store);
  if (!loaders.length) return out;
  const paths = [...[...store.files()].map((f) => f.file.path), ...store.otherPaths(), ...store.configPaths()];
  for (const l of loaders) {
    for (const edge of callers(l.path, l.fn.name)) {
      if (scopeOfPath(edge.path) === 'test') continue;
      const arg = edge.bound.kw[l.param] ?? edge.bound.args[l.index];
      if (!arg) continue;
      const names = [...literalNames(arg, edge.bound.ctx, evalIn), ...grownNames(arg, edge.bound.ctx, readText)];
      for (const name of names) {
        if (!/^[\w.-]+$/.test(name)) continue;
        const tail = `${l.before}${name}${l.after}`;
        const hit = tail.startsWith('/') ? paths.filter((p) => `/${p}`.endsWith(tail)).sort((a, b) => a.length - b.length)[0] : paths.find((p) => p === tail);
        if (hit && !out.has(hit)) out.set(hit, { path: hit, key: name, from: { path: edge.path, line: edge.line } });
      }
    }
  }
  return out;
}

/** Strings an argument evaluates to: one name, or a list of them. */
function literalNames(arg: Expr, ctx: Ctx, evalIn: (e: Expr, ctx: Ctx) => Val | undefined): string[] {
  const v = evalIn(arg, ctx);
  if (v?.t === 'str') return [v.v];
  if (v?.t !== 'list') return [];
  const out: string[] = [];
  for (const item of v.items.slice(0, MAX_NAMES)) {
    const s = item.k === 'str' ? item.v : evalIn(item, v.ctx);
    if (typeof s === 'string') out.push(s);
    else if (s?.t === 'str') out.push(s.v);
  }
  return out;
}

/**
 * Literal names a local list of the caller gains after it is written (`base_skills += ["useChest"]` under an `if`,
 * `.extend([…])`, `.append("x")`): the loader may be given them too, and each file it may read is a prompt file.
 */
function grownNames(arg: Expr, ctx: Ctx, readText?: (path: string) => string | undefined): string[] {
  const fn = ctx.fn;
  if (arg.k !== 'name' || !fn || !(arg.v in fn.locals) || !readText) return [];
  const lines = (readText(ctx.path) ?? '').split('\n').slice(fn.line - 1, Math.min(fn.endLine, arg.line));
  const esc = arg.v.replace(/[$]/g, '\\$');
  const grow = new RegExp(`^\\s*${esc}\\s*(?:\\+=\\s*\\[|\\.(?:extend\\(\\s*\\[|append\\())`);
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < MAX_NAMES; i++) {
    if (!grow.test(lines[i])) continue;
    // The literal names up to the closing bracket, a few lines at most.
    const block = lines.slice(i, i + 12).join('\n');
    const end = block.search(/[\])]/);
    for (const m of block.slice(0, end < 0 ? undefined : end).matchAll(/["']([\w.-]+)["']/g)) out.push(m[1]);
  }
  return out;
}

/** Functions of the application whose file reads build the file name from a parameter. */
function findLoaders(store: RepoStore): Loader[] {
  const out: Loader[] = [];
  for (const stored of store.files()) {
    const path = stored.file.path;
    if (scopeOfPath(path) === 'test') continue;
    for (const fn of stored.facts.functions) {
      if (!fn.params.length) continue;
      const seen = new Set<string>();
      const visit = (e: Expr | undefined, depth: number): void => {
        if (!e || depth > 5) return;
        const pieces = pathPieces(e, 0);
        if (pieces) {
          const l = loaderOf(fn, path, pieces);
          if (l && !seen.has(`${l.before}|${l.after}`)) {
            seen.add(`${l.before}|${l.after}`);
            out.push(l);
          }
          return;
        }
        if (e.k === 'call') {
          for (const a of e.args) visit(a, depth + 1);
          for (const a of Object.values(e.kw)) visit(a, depth + 1);
        } else if (e.k === 'read') visit(e.path, depth + 1);
      };
      for (const c of fn.calls) visit(c.expr, 0);
      for (const l of Object.values(fn.locals)) visit(l, 0);
      for (const r of [fn.returns, ...(fn.moreReturns ?? [])]) visit(r, 0);
    }
  }
  return out;
}

/** A file path written as pieces: literal text and names (`f"{root}/prompts/{name}.md"`, `join(dir, "prompts", `${n}.md`)`). */
function pathPieces(e: Expr, depth: number): Piece[] | undefined {
  if (depth > 4) return undefined;
  if (isConcat(e)) {
    const out: Piece[] = [];
    for (const a of e.args) {
      if (a.k === 'str') out.push({ lit: a.v });
      else if (a.k === 'name') out.push({ name: a.v });
      // A name bound by a comprehension (`for primitive_name in primitive_names`) reads as unknown text.
      else if (a.k === 'unknown' && /^[A-Za-z_]\w*$/.test(a.text)) out.push({ name: a.text });
      else if (a.k === 'member') out.push({ name: '' });
      else return undefined;
    }
    return out.some((p) => 'name' in p && p.name) ? out : undefined;
  }
  if (e.k === 'path') {
    const out: Piece[] = [];
    e.parts.forEach((p, i) => {
      if (i > 0) out.push({ lit: '/' });
      if (p.k === 'str') out.push({ lit: p.v });
      else if (p.k === 'name' || p.k === 'member') out.push({ name: '' });
      else out.push(...(pathPieces(p, depth + 1) ?? [{ name: '' }]));
    });
    return out.some((p) => 'name' in p && p.name) ? out : undefined;
  }
  return undefined;
}

function isConcat(e: Expr): e is Extract<Expr, { k: 'call' }> {
  return e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'concat' && e.callee.obj.k === 'str' && e.callee.obj.v === '';
}

/** The loader a path's pieces make: the last name is the file name's own part, a parameter of the function brings it. */
function loaderOf(fn: FunctionFact, path: string, pieces: readonly Piece[]): Loader | undefined {
  let i = pieces.length - 1;
  while (i >= 0 && 'lit' in pieces[i]) i--;
  const key = pieces[i];
  if (i < 0 || !('name' in key) || !key.name) return undefined;
  const after = pieces.slice(i + 1).map((p) => ('lit' in p ? p.lit : '')).join('');
  if (after.includes('/')) return undefined;
  let j = i - 1;
  while (j >= 0 && 'lit' in pieces[j]) j--;
  let before = pieces.slice(j + 1, i).map((p) => ('lit' in p ? p.lit : '')).join('');
  if (before && !before.endsWith('/')) return undefined;
  const file = `x${after}`;
  const context = CONTEXT_WORD.test(before) || CONTEXT_WORD.test(fn.name);
  if (!context || !(PROMPT_TEXT_FILE.test(file) || CODE_EXT.test(file))) return undefined;
  // `get_template(f"{name}.j2")` with no folder written: beside the module (a loader over its own folder).
  if (j < 0 && !before) before = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/` : '';
  else if (!before.replace(/\//g, '')) return undefined;
  else if (!before.startsWith('/')) before = `/${before}`;
  const params = fn.params.filter((p) => p.name !== 'self' && p.name !== 'cls');
  const index = params.findIndex((p) => p.name === key.name || (p.name.startsWith(key.name) && /^(s|es|_names|_list)$/.test(p.name.slice(key.name.length))));
  if (index < 0) return undefined;
  return { fn, path, param: params[index].name, index, before, after };
}
