/**
 * Prompts kept in a TypeScript app's locale objects and sent as messages: `createMessage({ role: "user", content:
 * Locale.Store.Prompt.Topic })`, `{ role: "system", content: Locale.Store.Prompt.History(summary) }` with `Locale`
 * the default export of `../locales` (one object per language, `en.ts`, `cn.ts`, merged over a fallback). The text
 * is written in each language file under that key path; each base language file reports it where it is written.
 *
 * Locales are shown to users far more often than sent (`content: Locale.Store.BotHello` is a greeting bubble), so a
 * key path is followed only when one of its keys names a prompt (`Prompt`, `Instruction`, `SystemPrompt`), the
 * module's path names translations (`locales`, `i18n`, `lang`), and the value is a `{role, content}` message's
 * content (or a call of it). The base languages are English and the language the locale type is read from
 * (`export type LocaleType = typeof cn`): the others are translations of the same text, picked by the browser.
 */
import type { DetectedPrompt } from '../detect/types';
import type { PromptKind } from '../report/types';
import { scopeOfPath } from '../report/scope';
import type { RepoStore } from './store';

const LOCALE_MODULE = /(^|[/@])(locales?|i18n|langs?|translations?)(\/index)?$/i;
const PROMPT_KEY = /prompt|instruction/i;
const SCRIPT = /\.(ts|tsx|js|jsx|mjs)$/;
const ENGLISH = /(^|\/)(en|en[-_](us|gb)|english)\.(ts|tsx|js|mjs)$/i;
const MAX_USES = 50;
const ROLE_WINDOW = 3;

interface Use {
  readonly keys: readonly string[];
  readonly kind: PromptKind;
  readonly path: string;
  readonly line: number;
}

/** Locale texts sent as message contents, by the locale file that writes them. */
export function localePromptsByFile(store: RepoStore, readText: (path: string) => string | undefined): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  for (const stored of store.files()) {
    const path = stored.file.path;
    if (!SCRIPT.test(path) || scopeOfPath(path) === 'test') continue;
    const locales = new Map<string, string>();
    for (const i of stored.facts.imports) if (LOCALE_MODULE.test(i.module) && (i.name === undefined || i.name === 'default')) locales.set(i.local, i.module);
    if (!locales.size) continue;
    const text = readText(path);
    for (const use of text ? messageUses(text, path, locales) : []) {
      const module = store.modules.resolve(path, locales.get(use.root)!);
      if (!module) continue;
      for (const hit of localeTexts(store, module, use.keys, readText)) {
        const list = out.get(hit.path) ?? [];
        if (list.some((p) => p.line === hit.line) || store.get(hit.path)?.file.prompts.some((p) => p.line <= hit.endLine && hit.line <= p.endLine)) continue;
        list.push({
          id: `p${hit.line}.1`,
          line: hit.line,
          column: 1,
          endLine: hit.endLine,
          endColumn: 1,
          kind: use.kind,
          text: hit.text,
          placeholders: [],
          confidence: 0.8,
          reason: `locale text ${use.keys.join('.')}, the content of a ${use.kind === 'system' ? 'system' : 'user'} message sent at ${use.path}:${use.line}`,
          name: use.keys[use.keys.length - 1],
        });
        out.set(hit.path, list);
      }
    }
  }
  return out;
}

/**
 * `{role: "user", content: L.a.b.c}` (or `L.a.b.c(x)`) in the file's text, with `L` a locale import: read from the
 * text, for a store's methods written inside a state factory are not functions of the file's facts.
 */
function messageUses(text: string, path: string, locales: ReadonlyMap<string, string>): (Use & { root: string })[] {
  const out: (Use & { root: string })[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < MAX_USES; i++) {
    const m = /\bcontent\s*:\s*([A-Za-z_$][\w$]*)((?:\.[A-Za-z_$][\w$]*)+)/.exec(lines[i]);
    if (!m || !locales.has(m[1])) continue;
    const keys = m[2].slice(1).split('.');
    if (!keys.some((k) => PROMPT_KEY.test(k))) continue;
    // The message's role, written beside the content in the same object literal (a few lines either side).
    const near = lines.slice(Math.max(0, i - ROLE_WINDOW), i + ROLE_WINDOW + 1);
    // `role: "system"`, or an enum member `role: MessageRole.System`.
    const role = near.map((l) => /\brole\s*:\s*(?:["'`](user|system|developer|assistant|human)["'`]|[A-Z]\w*\.(User|System|Developer|Human)\b)/.exec(l)).map((m) => (m?.[1] ?? m?.[2])?.toLowerCase()).find(Boolean);
    if (!role) continue;
    out.push({ root: m[1], keys, kind: role === 'system' || role === 'developer' ? 'system' : 'user-template', path, line: i + 1 });
  }
  return out;
}

interface Hit {
  readonly path: string;
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

/** The texts the locale files beside `module` write under `keys`, in the base languages. */
function localeTexts(store: RepoStore, module: string, keys: readonly string[], readText: (path: string) => string | undefined): Hit[] {
  const dir = module.includes('/') ? module.slice(0, module.lastIndexOf('/') + 1) : '';
  const found: Hit[] = [];
  for (const stored of store.files()) {
    const path = stored.file.path;
    if (!path.startsWith(dir) || path.slice(dir.length).includes('/') || !SCRIPT.test(path)) continue;
    const text = readText(path);
    const hit = text ? valueAt(path, text.split('\n'), keys) : undefined;
    if (hit) found.push(hit);
  }
  if (found.length <= 1) return found;
  // `export type LocaleType = typeof cn`: the language the others are typed after.
  const typeSource = found.find((h) => new RegExp(`export\\s+type\\s+\\w+\\s*=\\s*typeof\\s+${stemOf(h.path)}\\s*;`).test(readText(h.path) ?? ''))?.path;
  const base = found.filter((h) => ENGLISH.test(h.path) || h.path === typeSource);
  return base.length ? base : found.slice(0, 1);
}

const indentOf = (l: string): number => /^\s*/.exec(l)![0].length;

/**
 * The value written under a key path in an object literal laid out one key a line (`Store: {` … `Prompt: {` …
 * `Topic:` `"…"`): each key found deeper inside the block of the one before; the value runs to the next line as
 * shallow as its key. Its text is the string literals written there (`(content) => "…" + content` gives its literal).
 */
function valueAt(path: string, lines: readonly string[], keys: readonly string[]): Hit | undefined {
  let from = 0;
  let to = lines.length;
  let parent = -1;
  let at = -1;
  let end = -1;
  for (const key of keys) {
    const re = new RegExp(`^(\\s*)["']?${key.replace(/\$/g, '\\$')}["']?\\s*:`);
    at = -1;
    for (let i = from; i < to; i++) {
      const m = re.exec(lines[i]);
      if (m && m[1].length > parent) {
        at = i;
        break;
      }
    }
    if (at < 0) return undefined;
    parent = indentOf(lines[at]);
    end = at + 1;
    while (end < lines.length && (!lines[end].trim() || indentOf(lines[end]) > parent)) end++;
    from = at + 1;
    to = end;
  }
  const source = lines.slice(at, end).join('\n').replace(/^\s*["']?[\w$]+["']?\s*:/, '');
  const literals = [...source.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const text = literals.join(' ').trim();
  // A text of words: not an id, a key or a separator.
  if (!/\p{L}{2,}/u.test(text) || text.length < 8) return undefined;
  return { path, line: at + 1, endLine: end, text };
}

function stemOf(path: string): string {
  return (path.split('/').pop() ?? '').replace(/\.\w+$/, '').replace(/[^\w$]/g, '');
}
