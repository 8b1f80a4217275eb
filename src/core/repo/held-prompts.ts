/**
 * Prompts an instance attribute holds, linked to the request that sends them.
 *
 * Two idioms keep a prompt out of the request's own arguments: a prompt class whose class attributes are the
 * texts (`self.prompts = EditPrompts()`, then `self.prompts.main_system` in the method that builds the
 * messages), and a settings class whose template fields a configuration file fills
 * (`self.templates.system_template`, with `templates:` in the YAML the code loads). The messages are built
 * by the methods of the class whose method calls the request's wrapper; those methods' `self.<holder>.<field>`
 * reads are followed to their text, which is counted once, in the input of the request.
 *
 * Bounded: the callers are followed three hops up, and only the classes reached there are read; a subclass
 * reached beside its base is an alternative to it (another mode), not what runs by default.
 */
import type { DetectedPrompt } from '../detect/types';
import { scopeOfPath } from '../report/scope';
import type { ConfigDoc } from './config-files';
import type { Evaluator } from './evaluate';
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { Edge } from './graph';
import type { RepoStore } from './store';
import type { LoadedPrompt } from './types';

const CALLER_HOPS = 3;
const MAX_FUNCTIONS = 24;
const MAX_PROMPTS = 40;
const MIN_TEXT = 20;
const SETTINGS = /(BaseSettings|BaseModel|Settings|Config|Configuration)$/;

interface ClassAt {
  readonly path: string;
  readonly cls: ClassFact;
}

export interface HeldPromptSources {
  readonly store: RepoStore;
  readonly evaluator: Evaluator;
  readonly callers: (path: string, fn: string) => readonly Edge[];
  /** Classes by the base name they extend, across the repository (built once per generation). */
  readonly subclasses: () => ReadonlyMap<string, readonly ClassAt[]>;
  /** Configuration files the code loads (referencedFiles). */
  readonly linkedConfigs: () => readonly ConfigDoc[];
}

/** The prompts the classes building a request's messages hold, for the request in `fnName` of `path`. */
export function heldPrompts(src: HeldPromptSources, path: string, fnName: string): LoadedPrompt[] {
  // Unrelated classes sending through the same wrapper are different features (the agent, a reviewer of its
  // trajectories): one request carries one of their message sets, that of the class holding the most text.
  let best: LoadedPrompt[] = [];
  let bestSize = 0;
  for (const owner of builderClasses(src, path, fnName)) {
    const found = ownerPrompts(src, owner);
    const size = found.reduce((n, p) => n + p.text.length, 0);
    if (size > bestSize) [best, bestSize] = [found, size];
  }
  return best;
}

function ownerPrompts(src: HeldPromptSources, owner: ClassAt): LoadedPrompt[] {
  const out: LoadedPrompt[] = [];
  const seen = new Set<string>();
  const stored = src.store.get(owner.path);
  if (stored) {
    for (const method of stored.functions.values()) {
      if (!method.name.startsWith(`${owner.cls.name}.`)) continue;
      for (const ref of method.selfRefs ?? []) {
        if (out.length >= MAX_PROMPTS) return out;
        const held = heldClass(src, owner, ref.holder, method);
        if (!held) continue;
        const hit = fieldText(src, held.at, ref.field);
        if (!hit || seen.has(`${hit.path}:${hit.line}`)) continue;
        seen.add(`${hit.path}:${hit.line}`);
        out.push({
          name: `self.${ref.holder}.${ref.field}`,
          path: hit.path,
          text: hit.text,
          line: hit.line,
          from: { path: owner.path, line: ref.line },
          detail: `${hit.detail}; self.${ref.holder} is ${held.why}, read in ${method.name} (${owner.path}:${ref.line})`,
        });
      }
    }
  }
  return out;
}

/** Classes whose methods call the request's function (or the wrappers around it), three hops up. */
function builderClasses(src: HeldPromptSources, path: string, fnName: string): ClassAt[] {
  const reached = new Map<string, ClassAt>();
  const visited = new Set<string>([`${path}#${fnName}`]);
  let frontier: { path: string; fn: string }[] = [{ path, fn: fnName }];
  const note = (p: string, fn: string): void => {
    const clsName = fn.includes('.') ? fn.split('.')[0] : undefined;
    const cls = clsName ? src.store.get(p)?.classes.get(clsName) : undefined;
    if (cls) reached.set(`${p}#${cls.name}`, { path: p, cls });
  };
  note(path, fnName);
  for (let hop = 0; hop < CALLER_HOPS && frontier.length; hop++) {
    const next: { path: string; fn: string }[] = [];
    for (const at of frontier) {
      for (const edge of src.callers(at.path, at.fn)) {
        // Tests drive the code with prompts of their own; they are not what the application sends.
        if (!edge.from || scopeOfPath(edge.path) === 'test') continue;
        const key = `${edge.path}#${edge.from}`;
        if (visited.has(key) || visited.size >= MAX_FUNCTIONS) continue;
        visited.add(key);
        note(edge.path, edge.from);
        next.push({ path: edge.path, fn: edge.from });
      }
    }
    frontier = next;
  }
  const all = [...reached.values()];
  // A subclass reached beside its base is another mode of it: the base's methods are what runs by default.
  return all.filter((c) => !all.some((b) => b !== c && c.cls.bases.some((x) => bareName(x) === b.cls.name)));
}

/** The class of what `self.<holder>` holds in `owner`: from its assignment, its annotation, or the subclasses that set it. */
function heldClass(src: HeldPromptSources, owner: ClassAt, holder: string, method: FunctionFact): { at: ClassAt; why: string } | undefined {
  const own = classOfAttr(src, owner, holder, method);
  if (own) return own;
  // Only subclasses set it (each mode its own prompts): one is that one; several share their prompt classes' base.
  const setters = (src.subclasses().get(owner.cls.name) ?? []).filter((s) => holder in s.cls.attrs);
  const held = setters.map((s) => classOfAttr(src, s, holder, undefined)).filter((h): h is { at: ClassAt; why: string } => Boolean(h));
  if (held.length === 1) return held[0];
  if (held.length < 2) return undefined;
  // Their nearest common ancestor: the first class of one's chain that every other chain holds.
  const chains = held.map((h) => classChain(src, h.at));
  const base = chains[0].slice(1).find((c) => chains.every((chain) => chain.some((x) => x.cls === c.cls)));
  if (!base) return undefined;
  return { at: base, why: `set by ${held.length} subclasses of ${owner.cls.name}, one per mode (${held.slice(0, 3).map((h) => h.at.cls.name).join(', ')}${held.length > 3 ? ', …' : ''}); counting their common base ${base.cls.name}` };
}

function classOfAttr(src: HeldPromptSources, owner: ClassAt, holder: string, method: FunctionFact | undefined): { at: ClassAt; why: string } | undefined {
  const attr = owner.cls.attrs[holder];
  const stored = src.store.get(owner.path);
  if (attr) {
    const fn = attr.fn ? stored?.functions.get(attr.fn) : method;
    let v;
    try {
      v = src.evaluator.eval(attr.expr, { path: owner.path, fn });
    } catch {
      v = undefined;
    }
    if (v?.t === 'inst') return { at: { path: v.path, cls: v.cls }, why: `an instance of ${v.cls.name} (${owner.cls.name}.${holder})` };
    // `self.templates = templates` with `templates: TemplateConfig`: the parameter's annotation says what it holds.
    const param = attr.expr.k === 'name' && fn ? fn.params.find((p) => p.name === (attr.expr as Extract<Expr, { k: 'name' }>).v) : undefined;
    const typed = param?.type ? byName(src, owner.path, param.type) : undefined;
    if (typed) return { at: typed, why: `an instance of ${typed.cls.name} (annotation of ${param!.name} in ${attr.fn ?? owner.cls.name})` };
  }
  const annotated = owner.cls.attrTypes?.[holder];
  const typed = annotated ? byName(src, owner.path, annotated) : undefined;
  return typed ? { at: typed, why: `an instance of ${typed.cls.name} (annotation of ${owner.cls.name}.${holder})` } : undefined;
}

function byName(src: HeldPromptSources, path: string, type: string): ClassAt | undefined {
  const name = type.replace(/\s*\|\s*None\b|\bOptional\[(.*)\]/g, '$1').trim();
  if (!/^[A-Za-z_][\w.]*$/.test(name)) return undefined;
  const v = src.evaluator.global(path, name.split('.').pop()!, 0);
  return v?.t === 'class' ? { path: v.path, cls: v.cls } : undefined;
}

/**
 * The text of a field of the held class: a configuration file the code loads wins for a settings class (it
 * fills the fields); else the class attribute, the subclass's override before its bases'.
 */
function fieldText(src: HeldPromptSources, held: ClassAt, field: string): { path: string; line: number; text: string; detail: string } | undefined {
  const chain = classChain(src, held);
  if (chain.some((c) => SETTINGS.test(c.cls.name) || c.cls.bases.some((b) => SETTINGS.test(bareName(b))))) {
    const fields = new Set(chain.flatMap((c) => Object.keys(c.cls.attrs)));
    const hit = configField(src.linkedConfigs(), field, fields);
    if (hit) return { ...hit, detail: `${field} of ${held.cls.name}, filled from ${hit.path} (${hit.key})` };
  }
  for (const c of chain) {
    const attr = c.cls.attrs[field];
    if (!attr) continue;
    const prompt = promptAt(src.store.get(c.path)?.file.prompts ?? [], attr.expr.line);
    if (prompt) return { path: c.path, line: prompt.line, text: prompt.text, detail: `${c.cls.name}.${field} (${c.path}:${prompt.line})` };
    let v;
    try {
      v = src.evaluator.eval(attr.expr, { path: c.path });
    } catch {
      v = undefined;
    }
    if (v?.t === 'str' && v.v.trim().length >= MIN_TEXT) return { path: v.at.path, line: v.at.line, text: v.v, detail: `${c.cls.name}.${field} (${v.at.path}:${v.at.line})` };
    // The most derived class that sets it wins, even to an empty text.
    return undefined;
  }
  return undefined;
}

function classChain(src: HeldPromptSources, held: ClassAt): ClassAt[] {
  const out: ClassAt[] = [held];
  for (let i = 0; i < out.length && out.length < 5; i++) {
    for (const b of out[i].cls.bases) {
      const v = src.evaluator.global(out[i].path, bareName(b), 0);
      if (v?.t === 'class' && !out.some((o) => o.cls === v.cls)) out.push({ path: v.path, cls: v.cls });
    }
  }
  return out;
}

function promptAt(prompts: readonly DetectedPrompt[], line: number): DetectedPrompt | undefined {
  return prompts.find((p) => p.line <= line && line <= p.endLine && p.text.trim().length >= MIN_TEXT);
}

/** A mapping of a loaded configuration whose keys are all fields of the class and that sets this one to a text. */
function configField(docs: readonly ConfigDoc[], field: string, fields: ReadonlySet<string>): { path: string; line: number; text: string; key: string } | undefined {
  for (const doc of docs) {
    const found = findMapping(doc.data, field, fields, [], 0);
    if (found) return { path: doc.path, line: pathLine(doc.text, [...found.keys, field]), text: found.text, key: [...found.keys, field].join('.') };
  }
  return undefined;
}

function findMapping(data: unknown, field: string, fields: ReadonlySet<string>, keys: string[], depth: number): { text: string; keys: string[] } | undefined {
  if (depth > 8 || !data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const obj = data as Record<string, unknown>;
  const own = Object.keys(obj);
  const value = obj[field];
  if (typeof value === 'string' && value.trim().length >= MIN_TEXT && own.length >= 2 && own.every((k) => fields.has(k))) return { text: value, keys };
  for (const k of own) {
    const hit = findMapping(obj[k], field, fields, [...keys, k], depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** 1-based line of a nested key (`agent.templates.system_template`): each key searched after its parent's line. */
function pathLine(text: string, keys: readonly string[]): number {
  const lines = text.split('\n');
  let at = 0;
  for (const key of keys) {
    const re = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]`);
    const i = lines.findIndex((l, n) => n >= at && re.test(l));
    if (i < 0) return at + 1;
    at = i;
  }
  return at + 1;
}

function bareName(base: string): string {
  return base.replace(/\[.*$/, '').split('.').pop() ?? base;
}

/** Classes by the names of their bases (`class EditCoder(Coder)` under `Coder`). */
export function subclassIndex(store: RepoStore): Map<string, ClassAt[]> {
  const out = new Map<string, ClassAt[]>();
  for (const stored of store.files()) {
    if (scopeOfPath(stored.file.path) === 'test') continue;
    for (const cls of stored.facts.classes) {
      for (const b of cls.bases) {
        const name = bareName(b);
        const list = out.get(name) ?? [];
        list.push({ path: stored.file.path, cls });
        out.set(name, list);
      }
    }
  }
  return out;
}
