/**
 * Prompt files a web app fetches from its own static folder at run time: `const PROMPT_URL = "./prompts.json";
 * fetch(PROMPT_URL)` (NextChat's prompt library, `public/prompts.json`), `fetch("/prompts/system.md")`. The browser
 * asks the app's server for the file, which serves it from `public/` (Next.js, Vite, CRA) or `static/` (SvelteKit,
 * Gatsby); a text of it is put in the input box or a message and sent.
 *
 * Taken only when the URL is written (in the call or in a constant of the file), is relative or rooted, ends in a
 * file extension, names prompts (PROMPT_PATH), and the file exists under a static folder: `fetch("/prompts")`,
 * `fetch("/prompts/why")` are the app's own API routes, not files.
 */
import type { DetectedPrompt } from '../detect/types';
import { scopeOfPath } from '../report/scope';
import type { RepoStore } from './store';
import { PROMPT_PATH } from './loaded-files';

const SCRIPT = /\.(ts|tsx|js|jsx|mjs|svelte|vue)$/;
const FETCH = /\bfetch\(\s*(?:(["'`])([^"'`$]+)\1|([A-Za-z_$][\w$]*))\s*[,)]/g;
const STATIC_DIR = ['public/', 'static/', 'assets/', 'src/assets/', 'src/public/'];
const FILE_URL = /^(\.{0,2}\/)*[\w.-]+(\/[\w.-]+)*\.(json|txt|md|ya?ml)$/i;
const MAX_FETCHES = 40;

export interface Fetched {
  readonly path: string;
  readonly from: { readonly path: string; readonly line: number };
}

/** The static files of prompts the app's scripts fetch by a written URL, each with the first fetch of it. */
export function fetchedPromptFiles(store: RepoStore, readText: (path: string) => string | undefined): Map<string, Fetched> {
  const out = new Map<string, Fetched>();
  const known = new Set<string>([...store.otherPaths(), ...store.configPaths()]);
  for (const stored of store.files()) {
    const path = stored.file.path;
    if (!SCRIPT.test(path) || scopeOfPath(path) === 'test') continue;
    const text = readText(path);
    if (!text || !text.includes('fetch(')) continue;
    let n = 0;
    for (const m of text.matchAll(FETCH)) {
      if (++n > MAX_FETCHES) break;
      const url = m[2] ?? constantUrl(text, m[3]);
      if (!url || !FILE_URL.test(url)) continue;
      const rel = url.replace(/^(\.{0,2}\/)+/, '');
      const hit = STATIC_DIR.map((d) => `${d}${rel}`).find((p) => known.has(p) || prefixed(known, p));
      if (!hit || !PROMPT_PATH.test(hit) || out.has(hit)) continue;
      out.set(hit, { path: known.has(hit) ? hit : prefixed(known, hit)!, from: { path, line: text.slice(0, m.index).split('\n').length } });
    }
  }
  return out;
}

/** `const PROMPT_URL = "./prompts.json"` written in the file. */
function constantUrl(text: string, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const esc = name.replace(/\$/g, '\\$');
  return new RegExp(`\\b(?:const|let|var)\\s+${esc}\\s*(?::\\s*string\\s*)?=\\s*(["'\`])([^"'\`$]+)\\1`).exec(text)?.[2];
}

/** A static folder inside an app folder of a monorepo (`web/public/prompts.json`). */
function prefixed(known: ReadonlySet<string>, tail: string): string | undefined {
  for (const p of known) if (p.endsWith(`/${tail}`)) return p;
  return undefined;
}

/**
 * The prompt a fetched library stands for: one of its texts is sent at a time, so the longest string it holds
 * (a JSON/YAML library of `[title, content]` pairs) is its size; a text file is sent whole.
 */
export function fetchedPrompt(path: string, text: string, f: Fetched): DetectedPrompt | undefined {
  const lines = text.split('\n');
  const why = `fetched by the app from its static folder at ${f.from.path}:${f.from.line}`;
  let body = text;
  if (/\.(json|ya?ml)$/i.test(path)) {
    const strings = [...text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)].map((m) => m[1]).filter((s) => /\S+\s+\S+/.test(s) || s.length > 40);
    if (!strings.length) return undefined;
    body = strings.reduce((a, b) => (b.length > a.length ? b : a));
    body = body.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    return { id: 'p1.1', line: 1, column: 1, endLine: lines.length, endColumn: 1, kind: 'user-template', text: body, placeholders: [], confidence: 0.7, reason: `a library of ${strings.length} texts ${why}; one is sent at a time (sized by the longest)` };
  }
  if (!body.trim()) return undefined;
  return { id: 'p1.1', line: 1, column: 1, endLine: lines.length, endColumn: 1, kind: /system/i.test(path) ? 'system' : 'user-template', text: body, placeholders: [], confidence: 0.8, reason: why };
}
