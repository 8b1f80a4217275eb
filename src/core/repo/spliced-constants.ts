/**
 * Text constants spliced into a prompt template that a request sends:
 * `ROUTE_QUERY_PROMPT.replace("{artifactOptions}", hasArtifact ? OPTIONS_HAS_ARTIFACTS : OPTIONS_NO_ARTIFACTS)`,
 * `GET_TITLE_TEMPLATE.replace("{artifact}", formatted).replace("{reflections}", memories)`, with the constants
 * written in a prompts module under any name. The template is the text the `.replace` chain starts from when it
 * is a known prompt, or when its text holds the very slot being replaced (`{artifact}`); the inserted constants
 * (through `a || b`, `a ?? b` and ternaries) and such a template are prompts of the module that writes them.
 *
 * The same holds for an imported constant spliced by name into a prompt the module reports
 * (`\`Use the following criteria:\n${GROUP_BY_CONTENT_CRITERIA}\``): its text is part of that prompt.
 * And for a builder function another module writes, whose call such a chain inserts
 * (`.replace("{BODY_POSTS}", formatBodyPostsForPrompt(posts))`): the written texts it returns are sent in the slot.
 *
 * Only a chain in a function that itself sends a request counts (a UI string filled the same way sends nothing),
 * and only texts of two words or more (not an id, a key or a separator).
 */
import type { DetectedPrompt } from '../detect/types';
import type { RepoStore } from './store';

const MAX_REEXPORTS = 4;
const WRITTEN = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface Constant {
  readonly path: string;
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

/** Constants spliced into sent prompts, by the module that writes them. One pass over the script files' functions. */
export function splicedConstantsByFile(store: RepoStore): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  const add = (c: Constant, usedAt: string, line: number, how = 'spliced into the prompt sent at'): void => {
    const list = out.get(c.path) ?? [];
    if (list.some((p) => p.line === c.line)) return;
    list.push({
      id: `p${c.line}.1`,
      line: c.line,
      column: 1,
      endLine: c.endLine,
      endColumn: 1,
      kind: 'user-template',
      text: c.text,
      placeholders: [],
      confidence: 0.8,
      reason: `${c.name} ${how} ${usedAt}:${line}`,
      name: c.name,
    });
    out.set(c.path, list);
  };
  for (const stored of store.files()) {
    const path = stored.file.path;
    for (const chain of stored.facts.splices ?? []) {
      const root = chain.root !== undefined ? constantOf(store, path, chain.root) : undefined;
      const known = chain.root !== undefined && isKnownPrompt(store, path, chain.root);
      if (!known && !(root && chain.keys.some((k) => root.text.includes(k)))) continue;
      if (root && !known) add(root, path, chain.line);
      for (const name of chain.inserted) {
        const c = constantOf(store, path, name);
        if (c) add(c, path, chain.line);
      }
      for (const fn of chain.calledInserted ?? []) for (const c of builderTextsOf(store, path, fn)) add(c, path, chain.line);
    }
    // `${getPrompts().businessContext}` in a prompt: the constant each object the function returns holds under that key.
    for (const splice of stored.facts.calledSplices ?? []) {
      const prompt = stored.file.prompts.find((p) => p.line <= splice.line && splice.line <= p.endLine);
      if (prompt) for (const c of returnedConstants(store, path, splice.fn, splice.prop)) add(c, path, splice.line);
    }
    // `f"…{selected_stack}…"` with `selected_stack = build_stack_policy(stack)` imported: what the builder returns is sent there.
    for (const splice of stored.facts.builderSplices ?? []) {
      // `INFO_PROMPT.format(content=format_sources(docs))`: the template is a prompt of the repository.
      const sent = splice.template !== undefined ? isKnownPrompt(store, path, splice.template) : stored.file.prompts.some((p) => p.line <= splice.line && splice.line <= p.endLine);
      if (!sent) continue;
      for (const c of builderTextsOf(store, path, splice.fn)) add(c, path, splice.line, 'returns it: a builder spliced by a template of the prompt sent at');
    }
    // `${GROUP_BY_CONTENT_CRITERIA}` in a prompt this module sends: the imported constant is spliced in whole.
    for (const prompt of stored.file.prompts) {
      for (const name of prompt.placeholders) {
        if (!IDENTIFIER.test(name) || !stored.facts.imports.some((i) => i.local === name && i.name !== undefined)) continue;
        const c = constantOf(store, path, name);
        if (c) add(c, path, prompt.line);
      }
    }
  }
  return out;
}

/** The text constants a function's returned object literals hold under `prop` (every return: each branch may run). */
function returnedConstants(store: RepoStore, fromPath: string, fn: string, prop: string): Constant[] {
  const at = functionDeclaration(store, fromPath, fn) ?? declaration(store, fromPath, fn);
  const fact = at && store.get(at.path)?.facts.functions.find((f) => f.name === at.name);
  const out: Constant[] = [];
  for (const returned of fact ? [fact.returns, ...(fact.moreReturns ?? [])] : []) {
    const value = returned?.k === 'dict' ? returned.entries[prop] : undefined;
    const c = value?.k === 'name' ? constantOf(store, at!.path, value.v) : undefined;
    if (c && !out.some((o) => o.path === c.path && o.line === c.line)) out.push(c);
  }
  return out;
}

/** The written texts a builder function returns, in the module that writes it (here or through imports), not yet prompts there. */
function builderTextsOf(store: RepoStore, fromPath: string, fn: string): Constant[] {
  const at = followImports(store, fromPath, fn, (stored, wanted) => Boolean(stored.facts.builderTexts?.some((b) => b.fn === wanted)));
  const stored = at ? store.get(at.path) : undefined;
  const fact = at && stored?.facts.builderTexts?.find((b) => b.fn === at.name);
  // Accumulated pieces were kept together where they are written (a one-word header goes with the rest).
  return [...(fact?.texts ?? []).filter((t) => WRITTEN.test(t.text)), ...(fact?.accumulated ?? [])]
    .filter((t) => !stored!.file.prompts.some((p) => p.line <= t.endLine && t.line <= p.endLine))
    .map((t) => ({ path: at!.path, name: at!.name, line: t.line, endLine: t.endLine, text: t.text }));
}

/** A function declared in this module or imported from another (functions are not module values). */
function functionDeclaration(store: RepoStore, fromPath: string, name: string): { path: string; name: string } | undefined {
  return followImports(store, fromPath, name, (stored, wanted) => stored.facts.functions.some((f) => f.name === wanted));
}

/** A name that stands for a prompt detection already reports in the module that writes it. */
function isKnownPrompt(store: RepoStore, fromPath: string, name: string): boolean {
  const at = declaration(store, fromPath, name);
  return Boolean(at && store.get(at.path)?.file.prompts.some((p) => p.name === at.name));
}

/** The text constant a name stands for (this module's, or an import's through re-exports), when it reads as written text and is not yet a prompt. */
function constantOf(store: RepoStore, fromPath: string, name: string): Constant | undefined {
  const at = declaration(store, fromPath, name);
  const stored = at ? store.get(at.path) : undefined;
  const fact = at && stored?.facts.textConstants?.find((c) => c.name === at.name);
  if (!at || !stored || !fact || !WRITTEN.test(fact.text)) return undefined;
  if (stored.file.prompts.some((p) => p.name === at.name || (p.line <= fact.endLine && fact.line <= p.endLine))) return undefined;
  return { path: at.path, name: at.name, line: fact.line, endLine: fact.endLine, text: fact.text };
}

/** The module and name a name is declared under: here, or where its import leads (re-exports followed). */
function declaration(store: RepoStore, fromPath: string, name: string): { path: string; name: string } | undefined {
  return followImports(store, fromPath, name, (stored, wanted) => stored.facts.values[wanted] !== undefined);
}

/** Follows a name through imports and re-exports to the first module where `declares` holds. */
export function followImports(
  store: RepoStore,
  fromPath: string,
  name: string,
  declares: (stored: NonNullable<ReturnType<RepoStore['get']>>, name: string) => boolean,
): { path: string; name: string } | undefined {
  let at = fromPath;
  let wanted = name;
  for (let hop = 0; hop <= MAX_REEXPORTS; hop++) {
    const stored = store.get(at);
    if (!stored) return undefined;
    if (declares(stored, wanted)) return { path: at, name: wanted };
    const imp = stored.facts.imports.find((i) => i.local === wanted && i.name !== undefined);
    const target = imp ? store.modules.resolve(at, imp.module) : undefined;
    if (!imp || !target) return undefined;
    at = target;
    wanted = imp.name!;
  }
  return undefined;
}
