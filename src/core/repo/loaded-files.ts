/**
 * Prompt files the code loads at run time, reported as prompts of their own file: a YAML/JSON
 * configuration the code names (`CONFIG_DIR / "default.yaml"`, `yaml.safe_load(open("prompts.yaml"))`)
 * whose prompt-named keys (`system_template`, `instance_template`, `system_prompt`, `instructions`)
 * hold templates, and Markdown / text / Jinja files a request reads into its input.
 *
 * A file is taken only when the code refers to it; a configuration's text is a prompt only under a key
 * that says so, and a Markdown file only when a request sends it or its path says it is a prompt (a
 * README read for `long_description` is not).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { DetectedFile, DetectedPrompt } from '../detect/types';
import type { PromptKind } from '../report/types';
import { render, literal } from '../detect/text';
import type { Ctx, Evaluator, Val } from './evaluate';
import type { Expr } from './facts';
import { scopeOfPath } from '../report/scope';
import type { RepoStore } from './store';

/** Keys whose text value is a prompt or template the code sends. */
const PROMPT_KEY = /prompt|template|instruction|^system$|system_?(message|msg)|persona|backstory|few_?shot|^examples?$|reminder/i;
/**
 * Generic text keys (`content: |-` under `version: 0.1`): a prompt only in a file whose own name says it holds a
 * prompt (`compression_prompt.yaml`), where the one long text is the prompt whatever its key is called.
 */
const TEXT_KEY = /^(content|text|body|message)$/i;
const NOT_PROMPT_KEY = /(_path|_file|_dir|_name|_id|_type|_class|_key|_url|_version|_format)$/i;
/** A file name (or its folder) that says it holds a prompt; a `Dockerfile.j2` under templates/ does not. */
const PROMPT_PATH = /(^|\/)prompts?\/[^/]+$|(^|\/)[^/]*(prompt|instruction|system_?(message|prompt)?|persona)[^/]*$|\.prompt$/i;
const FILE_EXT = /\.(ya?ml|json|toml|md|txt|j2|jinja2?|prompt|tmpl)$/i;
/** Files of prompt text (not structured data): what a loader that reads a prompt by name is taken to read. */
export const PROMPT_TEXT_FILE = /\.(txt|md|mdx|prompt|j2|jinja2?|tmpl|mustache|hbs)$/i;
const MIN_TEXT = 20;
const MAX_PROMPTS_PER_FILE = 200;

/** Where the code names a file: path expressions and file-name strings in the values, defaults, locals and calls of every file. */
export function referencedFiles(store: RepoStore, evaluator: Evaluator): Map<string, Val> {
  const out = new Map<string, Val>();
  const visit = (e: Expr | undefined, ctx: Ctx, depth: number): void => {
    if (!e || depth > 4) return;
    // Only expressions that write a file name themselves are followed (following every path built from
    // parameters would walk the callers of half the repository).
    const take = (x: Expr): void => {
      let v: Val | undefined;
      try {
        const simple = withoutParameters(x, ctx);
        v = simple ? evaluator.eval(simple.k === 'str' ? { k: 'read', path: simple, line: x.line } : simple, ctx) : undefined;
      } catch {
        v = undefined;
      }
      const path = v?.t === 'cfg' ? v.doc.path : v?.t === 'file' ? v.path : undefined;
      if (v && path && !out.has(path)) out.set(path, v);
    };
    if ((e.k === 'path' || e.k === 'read' || e.k === 'str') && namesFile(e, 0)) return take(e);
    // `files(pkg).joinpath(template_filename)` with the name picked on branches: each file it may read.
    if (e.k === 'path' || e.k === 'read') {
      for (const variant of fileChoiceVariants(e, ctx.fn?.fileChoices)) take(variant);
      return;
    }
    if (e.k === 'call') {
      for (const a of e.args) visit(a, ctx, depth + 1);
      for (const a of Object.values(e.kw)) visit(a, ctx, depth + 1);
    } else if (e.k === 'or') {
      visit(e.left, ctx, depth + 1);
      visit(e.right, ctx, depth + 1);
    } else if (e.k === 'env') visit(e.def, ctx, depth + 1);
  };
  for (const stored of store.files()) {
    const path = stored.file.path;
    // Files tests read are fixtures, not prompts of the application.
    if (scopeOfPath(path) === 'test') continue;
    const facts = stored.facts;
    for (const v of Object.values(facts.values)) visit(v, { path }, 0);
    for (const fn of facts.functions) {
      const ctx = { path, fn };
      for (const p of fn.params) visit(p.default, ctx, 0);
      for (const l of Object.values(fn.locals)) visit(l, ctx, 0);
      for (const c of fn.calls) visit(c.expr, ctx, 0);
      // `return (files(pkg) / "rules.md").read_text()`: a file read where it is returned.
      for (const r of [fn.returns, ...(fn.moreReturns ?? [])]) visit(r, ctx, 0);
    }
    for (const c of facts.moduleCalls) visit(c.expr, { path }, 0);
    for (const cls of facts.classes) for (const a of Object.values(cls.attrs)) visit(a.expr, { path, fn: a.fn ? stored.functions.get(a.fn) : undefined }, 0);
  }
  return out;
}

/**
 * The path with the parts a parameter or local variable supplies left out (`output_dir / "x.txt"` → `x.txt`):
 * their values come from callers, and following each caller for every file name is too slow on a large
 * repository. Module constants (`CONFIG_DIR / "default.yaml"`) are kept; a file name alone is matched
 * against the repository's paths by its ending.
 */
function withoutParameters(e: Expr, ctx: Ctx): Expr | undefined {
  const local = (name: string): boolean => Boolean(ctx.fn && (ctx.fn.params.some((p) => p.name === name) || name in ctx.fn.locals || name === 'self'));
  const root = (x: Expr): string | undefined => (x.k === 'name' ? x.v : x.k === 'member' || x.k === 'index' ? root(x.obj) : undefined);
  switch (e.k) {
    case 'str':
      return e;
    case 'path': {
      const parts = e.parts.map((p) => (p.k === 'path' ? withoutParameters(p, ctx) : p.k === 'str' ? p : (p.k === 'name' || p.k === 'member') && !local(root(p) ?? '') ? p : undefined)).filter((p): p is Expr => Boolean(p));
      return parts.length ? { ...e, parts } : undefined;
    }
    case 'read': {
      const path = withoutParameters(e.path, ctx);
      return path ? { ...e, path } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A path whose file name is a local chosen among literal names (`if flash: name = "flash.md" else: name =
 * "full.md"`): the path once per name. Every file it may read is a prompt file of the repository; the request
 * is priced where it is sent, so listing the branches not taken adds no cost.
 */
function fileChoiceVariants(e: Expr, choices: Readonly<Record<string, readonly string[]>> | undefined): Expr[] {
  if (!choices) return [];
  const path = e.k === 'read' ? e.path : e;
  if (path.k !== 'path') return [];
  const i = path.parts.findIndex((p) => p.k === 'name' && choices[p.v]);
  const part = path.parts[i];
  if (i < 0 || part?.k !== 'name') return [];
  return choices[part.v].map((v) => ({ ...path, parts: path.parts.map((p, j) => (j === i ? { k: 'str', v, line: path.line } : p)) }) as Expr);
}

function namesFile(e: Expr, depth: number): boolean {
  if (depth > 4) return false;
  if (e.k === 'str') return FILE_EXT.test(e.v) && !/\s/.test(e.v);
  if (e.k === 'path') return e.parts.some((p) => namesFile(p, depth + 1));
  if (e.k === 'read') return namesFile(e.path, depth + 1);
  return false;
}

/** The prompts of a configuration file: text values under prompt-named keys, at their lines. */
export function configPrompts(path: string, text: string, formattedKeys?: ReadonlySet<string>): DetectedPrompt[] {
  if (!/\.ya?ml$/i.test(path)) return jsonLikePrompts(path, text, formattedKeys);
  const counter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  } catch {
    return [];
  }
  const out: DetectedPrompt[] = [];
  const promptKey = promptKeyOf(path, formattedKeys);
  const push = (key: string, node: YamlNode, value: string): void => {
    if (out.length >= MAX_PROMPTS_PER_FILE || !node.range || !(isProse(value) || isTemplate(value))) return;
    const a = counter.linePos(node.range[0]);
    const b = counter.linePos(node.range[1]);
    out.push(prompt(`p${a.line}.${a.col}`, { line: a.line, column: a.col, endLine: b.line, endColumn: b.col }, value, key, path));
  };
  const walk = (node: unknown, key: string | undefined, depth: number): void => {
    if (depth > 10 || !node) return;
    if (isMap(node)) {
      for (const item of node.items) walk(item.value, isScalar(item.key) ? String(item.key.value) : undefined, depth + 1);
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, key, depth + 1);
    } else if (isScalar(node) && typeof node.value === 'string' && key && promptKey(key)) {
      push(key, node as YamlNode, node.value);
    }
  };
  walk(doc.contents, undefined, 0);
  return out;
}

/** JSON / TOML: the same keys, located by the line the key is written on. */
function jsonLikePrompts(path: string, text: string, formattedKeys?: ReadonlySet<string>): DetectedPrompt[] {
  const out: DetectedPrompt[] = [];
  const lines = text.split('\n');
  const re = /^\s*"?([\w.-]+)"?\s*[:=]\s*"((?:[^"\\]|\\.)*)"/;
  const promptKey = promptKeyOf(path, formattedKeys);
  lines.forEach((raw, i) => {
    const m = re.exec(raw);
    if (!m || out.length >= MAX_PROMPTS_PER_FILE || !promptKey(m[1])) return;
    let value: string;
    try {
      value = JSON.parse(`"${m[2]}"`) as string;
    } catch {
      value = m[2];
    }
    if (isProse(value)) out.push(prompt(`p${i + 1}.1`, { line: i + 1, column: 1, endLine: i + 1, endColumn: raw.length + 1 }, value, m[1], path));
  });
  return out;
}

/** Which keys of the configuration at `path` hold prompts: prompt-named keys, and generic text keys in a prompt-named file. */
/** `formattedKeys`: keys the code formats into a prompt's slots (formatted-config-keys.ts), prompts whatever their name. */
function promptKeyOf(path: string, formattedKeys?: ReadonlySet<string>): (key: string) => boolean {
  const promptFile = PROMPT_PATH.test(path);
  return (key) => Boolean(formattedKeys?.has(key)) || (!NOT_PROMPT_KEY.test(key) && (PROMPT_KEY.test(key) || (promptFile && TEXT_KEY.test(key))));
}

function isProse(value: string): boolean {
  return value.trim().length >= MIN_TEXT && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(value);
}

/** A short template the code fills (`OBSERVATION:\n{{observation}}`): sent as written with its values. */
function isTemplate(value: string): boolean {
  return value.trim().length >= 10 && /\{\{\s*[\w.]+\s*\}\}|\{[A-Za-z_]\w*\}/.test(value);
}

function kindOfKey(key: string): PromptKind {
  if (/system|persona|backstory/i.test(key)) return 'system';
  if (/instruction|reminder/i.test(key)) return 'instructions';
  if (/example|shot/i.test(key)) return 'few-shot';
  return 'user-template';
}

function prompt(id: string, span: { line: number; column: number; endLine: number; endColumn: number }, value: string, key: string, path: string): DetectedPrompt {
  // `{{observation}}` (Jinja) and `{observation}` (format) are both filled at run time.
  const rendered = render(literal(value.replace(/\{\{\s*([\w.]+)\s*\}\}/g, '{$1}')));
  return { id, ...span, kind: kindOfKey(key), text: rendered.text, placeholders: rendered.placeholders, confidence: 0.8, reason: `${key} in ${path}, loaded by the code` };
}

/** A whole Markdown / text / Jinja file the code reads as a prompt. */
export function wholeFilePrompt(path: string, text: string, why: string): DetectedPrompt | undefined {
  if (!text.trim()) return undefined;
  const lines = text.split('\n');
  const rendered = render(literal(text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, '{$1}')));
  const kind: PromptKind = /system/i.test(path) ? 'system' : /instruction/i.test(path) ? 'instructions' : 'user-template';
  return { id: 'p1.1', line: 1, column: 1, endLine: lines.length, endColumn: (lines[lines.length - 1]?.length ?? 0) + 1, kind, text: rendered.text, placeholders: rendered.placeholders, confidence: 0.85, reason: why };
}

/** A report-ready file of prompts loaded at run time (no calls: its prompts are priced where they are sent). */
export function loadedPromptFile(path: string, prompts: readonly DetectedPrompt[]): DetectedFile {
  return {
    path,
    language: /\.ya?ml$/i.test(path) ? 'yaml' : /\.json$/i.test(path) ? 'json' : /\.toml$/i.test(path) ? 'toml' : /\.mdx?$/i.test(path) ? 'markdown' : /\.(j2|jinja2?)$/i.test(path) ? 'jinja' : 'text',
    kind: 'loaded-prompts',
    prompts,
    calls: [],
    loops: [],
    annotations: [],
    issues: [],
    truncated: false,
  };
}

export { PROMPT_PATH };

export { configKeysFormattedIntoPrompts } from './formatted-config-keys';
