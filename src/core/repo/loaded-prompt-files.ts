/**
 * Prompts the repository pass reveals beyond a file's own detection: the files of prompts the code
 * loads at run time, and the merge of several rules' prompts for one file without reporting a text twice.
 * Split from index.ts so the index stays a router of cross-file questions.
 */
import type { DetectedCall, DetectedFile, DetectedPrompt } from '../detect/types';
import type { Val } from './evaluate';
import type { Expr } from './facts';
import { refExpr } from './resolved-models';
import { configPrompts, loadedPromptFile, PROMPT_PATH, wholeFilePrompt } from './loaded-files';
import type { SentGroup } from './sent-texts';
import { settingsPromptFiles } from './settings-prompts';
import type { FormattedConfig } from './formatted-config-keys';
import type { RepoStore } from './store';
import type { LoadedPrompt } from './types';
import { filesInMessages, type EvalIn } from './message-list-files';
import type { NamedLoaded } from './named-loader-files';
export { namedLoaderFiles } from './named-loader-files';
import { fetchedPrompt, fetchedPromptFiles } from './fetched-prompt-files';

/** Translations are read by the code too, but they are shown to users, not sent to a model. */
const NOT_PROMPT_DIR = /(^|\/)(locales?|i18n|translations?|lang)\//i;

export interface LoadedFileSources {
  readonly store: RepoStore;
  readonly fileText: (path: string) => string | undefined;
  readonly loadedPrompts: (path: string, call: DetectedCall) => readonly LoadedPrompt[];
  /** The texts and prompt files callers pass to each request's wrappers (sent-texts.ts). */
  readonly sentGroups: () => Iterable<readonly SentGroup[]>;
  /** Files the code names, with what it reads them as (loaded-files.ts). */
  readonly referenced: () => ReadonlyMap<string, Val>;
  /** Configuration files whose values the code formats into a prompt, with the keys it reads (formatted-config-keys.ts). */
  readonly formattedConfigs?: () => ReadonlyMap<string, FormattedConfig>;
  /** Files the repository's loaders read by a literal name their callers pass (named-loader-files.ts). */
  readonly namedLoaders?: () => ReadonlyMap<string, NamedLoaded>;
}

/**
 * Files of prompts the code loads at run time that detection does not read as prompt files: the text
 * files requests send, and configuration files the code names whose prompt-named keys hold templates.
 * Each is reported with its prompts (priced where they are sent; the file adds no cost of its own).
 */
export function collectLoadedPromptFiles(src: LoadedFileSources): DetectedFile[] {
  const out = new Map<string, DetectedFile>();
  const formatted = src.formattedConfigs?.() ?? new Map<string, FormattedConfig>();
  const keysOf = (path: string): ReadonlySet<string> | undefined => formatted.get(path)?.keys;
  const add = (path: string, prompts: readonly (DetectedPrompt | undefined)[]): void => {
    const found = prompts.filter((p): p is DetectedPrompt => Boolean(p));
    if (found.length && !src.store.get(path) && !out.has(path) && !NOT_PROMPT_DIR.test(path)) out.set(path, loadedPromptFile(path, found));
  };
  for (const stored of src.store.files()) {
    for (const call of stored.file.calls) {
      for (const l of src.loadedPrompts(stored.file.path, call)) {
        // Tool schemas and texts held in code files are reported where they are written.
        if (l.asTool || src.store.get(l.path)) continue;
        const doc = src.store.config(l.path);
        add(l.path, doc ? configPrompts(l.path, doc.text, keysOf(l.path)) : [wholeFilePrompt(l.path, l.text, `read at ${l.from.path}:${l.from.line} and sent with the request there`)]);
      }
    }
  }
  // Prompt files of a folder the code reads whole, picked by key by any caller of a request (sent-texts.ts).
  for (const groups of src.sentGroups()) {
    for (const f of groups.flatMap((g) => g.files)) {
      const text = src.fileText(f.path);
      if (text !== undefined) add(f.path, [wholeFilePrompt(f.path, text, `read from its folder by the code and picked by key "${f.key}" at ${f.from.path}:${f.from.line}`)]);
    }
  }
  for (const [path, v] of src.referenced()) {
    if (v.t === 'cfg') add(path, configPrompts(path, v.doc.text, keysOf(path)));
    else if (v.t === 'file' && PROMPT_PATH.test(path)) {
      const text = src.fileText(path);
      if (text !== undefined) add(path, [wholeFilePrompt(path, text, `read by the code at ${v.from.path}:${v.from.line}`)]);
    }
  }
  for (const [path, l] of src.namedLoaders?.() ?? []) {
    const text = src.fileText(path);
    if (text !== undefined) add(path, [namedLoaderPrompt(path, text, l)]);
  }
  // Static files of prompts a web app fetches by URL (fetched-prompt-files.ts).
  for (const [path, f] of fetchedPromptFiles(src.store, src.fileText)) {
    const text = src.fileText(path);
    if (text !== undefined) add(path, [fetchedPrompt(path, text, f)]);
  }
  // Prompt tables of TOML settings files the code picks by name (settings-prompts.ts).
  for (const [path, prompts] of settingsPromptFiles(src.store)) add(path, prompts);
  // A configuration read through a getter whose values are formatted into a prompt, under keys named anything.
  for (const [path, f] of formatted) add(path, configPrompts(path, f.doc.text, f.keys));
  return [...out.values()];
}

/** A file read whole by a loader given its name (named-loader-files.ts): one prompt, priced where it is sent. */
export function namedLoaderPrompt(path: string, text: string, l: NamedLoaded): DetectedPrompt | undefined {
  return wholeFilePrompt(path, text, `read by name "${l.key}" through the loader called at ${l.from.path}:${l.from.line}`);
}

/** The prompt of a detected file (code, a template) the repository's loaders read as text by name; priced where sent. */
export function namedLoaderCodePrompts(path: string, text: string | undefined, loaded: ReadonlyMap<string, NamedLoaded>): DetectedPrompt[] {
  const l = loaded.get(path);
  const p = l && text !== undefined ? namedLoaderPrompt(path, text, l) : undefined;
  return p ? [p] : [];
}

/**
 * `first`, then each later rule's prompts that neither the file's own detection (`own`) nor an earlier
 * list already reports (by id, or by overlapping lines: a text reported even in part is not reported again).
 */
export function withoutOverlaps(first: readonly DetectedPrompt[], own: readonly DetectedPrompt[], later: readonly (readonly DetectedPrompt[])[]): readonly DetectedPrompt[] {
  const taken: DetectedPrompt[] = [...first, ...own];
  const added: DetectedPrompt[] = [];
  for (const list of later) {
    const fresh = list.filter((p) => !taken.some((q) => q.id === p.id || (q.line <= p.endLine && p.line <= q.endLine)));
    added.push(...fresh);
    taken.push(...fresh);
  }
  return added.length ? [...first, ...added] : first;
}

/**
 * The files (and long config strings) a request's input names evaluate to: `open(PROMPT_PATH).read()` held in a
 * name the request sends. Each file once.
 */
export function filesNamedByInputs(
  names: Iterable<string>,
  line: number,
  evaluate: (e: Expr) => Val | undefined,
  readText: (path: string) => string | undefined,
  evaluateIn?: EvalIn,
): LoadedPrompt[] {
  const out: LoadedPrompt[] = [];
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name)) continue;
    const v = evaluate(refExpr(name, 'member', line));
    // A message list the call is given by name: the files its messages' texts are read from (message-list-files.ts).
    for (const f of evaluateIn && (v?.t === 'list' || v?.t === 'dict') ? filesInMessages(v, evaluateIn) : []) {
      const text = readText(f.path);
      // Named apart from the list: the list's other messages stay an input of their own (sized as the list's placeholder).
      if (text !== undefined && !out.some((o) => o.path === f.path)) out.push({ name: `${name} (a message of it)`, path: f.path, text, from: f.from });
    }
    if (v?.t === 'file') {
      const text = readText(v.path);
      if (text !== undefined && !out.some((o) => o.path === v.path)) out.push({ name, path: v.path, text, from: v.from });
    } else if (v?.t === 'str' && v.via === 'config' && v.v.length >= 40) out.push({ name, path: v.at.path, text: v.v, from: v.at });
  }
  return out;
}
