/**
 * Text constants spliced into a prompt template that a request sends:
 * `ROUTE_QUERY_PROMPT.replace("{artifactOptions}", hasArtifact ? OPTIONS_HAS_ARTIFACTS : OPTIONS_NO_ARTIFACTS)`,
 * `GET_TITLE_TEMPLATE.replace("{artifact}", formatted).replace("{reflections}", memories)`, with the constants
 * written in a prompts module under any name. The template is the text the `.replace` chain starts from when it
 * is a known prompt, or when its text holds the very slot being replaced (`{artifact}`); the inserted constants
 * (through `a || b`, `a ?? b` and ternaries) and such a template are prompts of the module that writes them.
 *
 * Only a chain in a function that itself sends a request counts (a UI string filled the same way sends nothing),
 * and only texts of two words or more (not an id, a key or a separator).
 */
import type { DetectedPrompt } from '../detect/types';
import type { RepoStore } from './store';

const MAX_REEXPORTS = 4;
const WRITTEN = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

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
  const add = (c: Constant, usedAt: string, line: number): void => {
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
      reason: `${c.name} spliced into the prompt sent at ${usedAt}:${line}`,
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
    }
  }
  return out;
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
  let at = fromPath;
  let wanted = name;
  for (let hop = 0; hop <= MAX_REEXPORTS; hop++) {
    const stored = store.get(at);
    if (!stored) return undefined;
    if (stored.facts.values[wanted] !== undefined) return { path: at, name: wanted };
    const imp = stored.facts.imports.find((i) => i.local === wanted && i.name !== undefined);
    const target = imp ? store.modules.resolve(at, imp.module) : undefined;
    if (!imp || !target) return undefined;
    at = target;
    wanted = imp.name!;
  }
  return undefined;
}
