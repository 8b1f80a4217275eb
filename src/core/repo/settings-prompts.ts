/**
 * Prompts kept in the tables of TOML settings files and picked by key: Dynaconf-style settings load every
 * file at start-up, and the code reads one table's text where it builds a request —
 * `get_settings().pr_review_prompt.system`, `settings.get("summary_prompt").user`, or a table name passed as
 * a string (`prompt="pr_description_prompt"` then `get_settings().get(prompt)`).
 *
 * A TOML file counts when the code names one of its tables that way (a table name read as an attribute
 * followed by one of that table's keys, or written as a string) and that table holds prompt text: a multi-line
 * or prose value under a table or key whose name says prompt. A table of plain options (`[config] model = …`)
 * has no such text and is not a prompt, whatever the code reads from it.
 */
import type { DetectedPrompt } from '../detect/types';
import type { PromptKind } from '../report/types';
import { literal, render } from '../detect/text';
import type { Expr, FileFacts } from './facts';
import type { RepoStore } from './store';
import { scopeOfPath } from '../report/scope';
import { filesRunAnyway } from './runs-anyway';

const PROMPTISH = /prompt|template|instruction|^system$|^user$|persona/i;
const NOT_PROMPT_KEY = /(_path|_file|_dir|_name|_id|_type|_class|_key|_url|_version|_format)$/i;
const MIN_TEXT = 20;
/** A table name specific enough to be matched as a string (`pr_review_prompt`, not `user`). */
const TABLE_NAME = /^[A-Za-z]\w*_\w+$/;

export interface TomlText {
  readonly table: string;
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** String values of a TOML text with their table (dotted) and lines; multi-line `"""…"""` / `'''…'''` included. */
export function tomlTexts(text: string): TomlText[] {
  const out: TomlText[] = [];
  const lines = text.split('\n');
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const section = /^\s*\[+\s*([^\]]+?)\s*\]+\s*(#.*)?$/.exec(raw);
    if (section) {
      table = section[1].replace(/"/g, '');
      continue;
    }
    const kv = /^\s*("[^"]+"|[\w.-]+)\s*=\s*("""|'''|"|')(.*)$/.exec(raw);
    if (!kv) continue;
    const key = kv[1].replace(/^"|"$/g, '');
    const quote = kv[2];
    let rest = kv[3];
    if (quote.length === 3) {
      const start = i;
      const parts: string[] = [];
      let close = rest.indexOf(quote);
      while (close < 0 && i + 1 < lines.length) {
        parts.push(rest);
        rest = lines[++i];
        close = rest.indexOf(quote);
      }
      if (close < 0) break;
      parts.push(rest.slice(0, close));
      // A newline right after the opening quotes is not part of the value (TOML spec).
      const value = parts.join('\n').replace(/^\n/, '');
      out.push({ table, key, value, line: start + 1, endLine: i + 1, endColumn: close + 4 });
    } else {
      const close = quote === '"' ? /^((?:[^"\\]|\\.)*)"/.exec(rest) : /^([^']*)'/.exec(rest);
      if (close) out.push({ table, key, value: close[1], line: i + 1, endLine: i + 1, endColumn: raw.length + 1 });
    }
  }
  return out;
}

/** The prompt texts of a TOML file, by table: values that read as prompts under a prompt-named table or key. */
export function tomlPromptTables(text: string): Map<string, TomlText[]> {
  const tables = new Map<string, TomlText[]>();
  for (const t of tomlTexts(text)) {
    if (NOT_PROMPT_KEY.test(t.key) || !(PROMPTISH.test(t.key) || PROMPTISH.test(t.table.split('.').pop() ?? ''))) continue;
    if (t.value.trim().length < MIN_TEXT || !(t.endLine > t.line || /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(t.value))) continue;
    const list = tables.get(t.table) ?? [];
    list.push(t);
    tables.set(t.table, list);
  }
  return tables;
}

/** Table names the code reads: `x.<table>.<key>` attribute chains and table names written as strings. */
export function tableReads(facts: FileFacts): { chains: Set<string>; strings: Set<string> } {
  const chains = new Set<string>();
  const strings = new Set<string>();
  const visit = (e: Expr | undefined, depth: number): void => {
    if (!e || depth > 12) return;
    switch (e.k) {
      case 'member':
        if (e.obj.k === 'member') chains.add(`${e.obj.prop}.${e.prop}`);
        return visit(e.obj, depth + 1);
      case 'index':
        return visit(e.obj, depth + 1);
      case 'str':
        if (TABLE_NAME.test(e.v)) strings.add(e.v);
        return;
      case 'call':
        visit(e.callee, depth + 1);
        for (const a of e.args) visit(a, depth + 1);
        for (const a of Object.values(e.kw)) visit(a, depth + 1);
        return;
      case 'or':
        visit(e.left, depth + 1);
        return visit(e.right, depth + 1);
      case 'env':
        return visit(e.def, depth + 1);
      case 'dict':
        for (const a of Object.values(e.entries)) visit(a, depth + 1);
        return;
      case 'list':
        for (const a of e.items) visit(a, depth + 1);
        return;
      case 'unknown':
        // Kept as text past the extraction's depth: `get_settings().pr_review_prompt.system`.
        for (const m of e.text.matchAll(/\.([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/g)) chains.add(`${m[1]}.${m[2]}`);
        return;
      default:
        return;
    }
  };
  for (const v of Object.values(facts.values)) visit(v, 0);
  for (const fn of facts.functions) {
    for (const p of fn.params) visit(p.default, 0);
    for (const l of Object.values(fn.locals)) visit(l, 0);
    for (const more of Object.values(fn.moreLocals ?? {})) for (const l of more) visit(l, 0);
    for (const c of fn.calls) visit(c.expr, 0);
    for (const r of [fn.returns, ...(fn.moreReturns ?? [])]) visit(r, 0);
  }
  for (const c of facts.moduleCalls) visit(c.expr, 0);
  for (const cls of facts.classes) {
    for (const a of Object.values(cls.attrs)) visit(a.expr, 0);
    for (const list of Object.values(cls.setters ?? {})) for (const a of list) visit(a.expr, 0);
  }
  return { chains, strings };
}

/** Whether the code picks this table: one of its keys read through it, or its name written as a string. */
export function tablePicked(table: string, texts: readonly TomlText[], reads: { chains: ReadonlySet<string>; strings: ReadonlySet<string> }): boolean {
  const name = table.split('.').pop() ?? table;
  if (texts.some((t) => reads.chains.has(`${name}.${t.key}`))) return true;
  return TABLE_NAME.test(name) && reads.strings.has(name);
}

export function tomlPrompt(path: string, t: TomlText): DetectedPrompt {
  const rendered = render(literal(t.value.replace(/\{\{\s*([\w.]+)\s*\}\}/g, '{$1}').replace(/\{%[^%]*%\}/g, '')));
  const kind: PromptKind = /system/i.test(t.key) ? 'system' : /instruction/i.test(t.key) ? 'instructions' : 'user-template';
  return {
    id: `p${t.line}.1`,
    line: t.line,
    column: 1,
    endLine: t.endLine,
    endColumn: t.endColumn,
    kind,
    text: rendered.text,
    placeholders: rendered.placeholders,
    confidence: 0.8,
    reason: `[${t.table}] ${t.key} in ${path}, a settings table the code picks by name`,
  };
}

/** Every TOML settings file of the repository whose prompt tables the code picks, with those tables' prompts. */
export function settingsPromptFiles(store: RepoStore): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  const candidates: [string, Map<string, TomlText[]>][] = [];
  for (const path of store.configPaths()) {
    if (!/\.toml$/i.test(path) || scopeOfPath(path) === 'test') continue;
    const text = store.config(path)?.text;
    const tables = text && /"""|'''/.test(text) ? tomlPromptTables(text) : undefined;
    if (tables?.size) candidates.push([path, tables]);
  }
  if (!candidates.length) return out;
  const reads = { chains: new Set<string>(), strings: new Set<string>() };
  const runAnyway = filesRunAnyway(store);
  for (const stored of store.files()) {
    if (scopeOfPath(stored.file.path, undefined, runAnyway) === 'test' || !stored.facts) continue;
    const r = tableReads(stored.facts);
    for (const c of r.chains) reads.chains.add(c);
    for (const s of r.strings) reads.strings.add(s);
  }
  for (const [path, tables] of candidates) {
    const prompts = [...tables].filter(([table, texts]) => tablePicked(table, texts, reads)).flatMap(([, texts]) => texts.map((t) => tomlPrompt(path, t)));
    if (prompts.length) out.set(path, prompts);
  }
  return out;
}
