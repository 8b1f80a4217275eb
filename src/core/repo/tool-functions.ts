/**
 * Python functions handed to a model as tools by their signature: the docstring becomes the tool's
 * description and the `Annotated[T, "…"]` descriptions its parameter schema, sent with each request
 * that offers the tool. Each is a tool-description prompt of the module that writes it.
 *
 * Two kinds of evidence (facts from detect/tool-function-hints.ts):
 * - a public function that describes its parameters with `Annotated` metadata is a tool by itself (the
 *   description serves nothing but a schema; web and CLI framework markers are not taken);
 * - where the repository also has a loader that imports modules dynamically and collects their functions,
 *   and code that reads functions' docstrings (a tool catalog built from a folder), every public function
 *   of the folders holding such a tool module is a tool too, described or not.
 * A module without a described tool in its folder keeps its docstrings to itself: documentation is not a prompt.
 */
import type { DetectedPrompt } from '../detect/types';
import { annotatedDescriptions, scanTopLevelDefs, type PyDefScan } from '../detect/py-def-scan';
import { isFrameworkMarker } from '../detect/tool-function-hints';
import type { RepoStore } from './store';

/** The texts those functions return as tool results, when a module registers or dispatches them (dispatched-tools.ts). */
export { dispatchedToolPromptsByFile } from './dispatched-tools';

/** Folders of tool modules followed at most, and modules read per folder. */
const MAX_FOLDERS = 20;
const MAX_MODULES = 100;
const MIN_DOC = 12;

export function toolFunctionPromptsByFile(store: RepoStore, read: (path: string) => string | undefined): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  const described: string[] = [];
  let loader = false;
  let docReader = false;
  for (const stored of store.files()) {
    const hints = stored.facts.toolFunctionHints;
    if (!hints) continue;
    if (hints.described) described.push(stored.file.path);
    loader ||= Boolean(hints.loader);
    docReader ||= Boolean(hints.docReader);
  }
  if (!described.length) return out;
  const catalog = loader && docReader;
  const modules = new Set<string>(described);
  if (catalog) {
    const folders = new Set(described.map(dirOf).slice(0, MAX_FOLDERS));
    const byFolder = new Map<string, number>();
    for (const path of [...[...store.files()].map((s) => s.file.path), ...store.otherPaths()]) {
      const dir = dirOf(path);
      if (!folders.has(dir) || !/\.py$/.test(path) || /(^|\/)_[^/]*$/.test(path)) continue;
      const n = byFolder.get(dir) ?? 0;
      if (n >= MAX_MODULES) continue;
      byFolder.set(dir, n + 1);
      modules.add(path);
    }
  }
  for (const path of modules) {
    const text = read(path);
    if (text === undefined) continue;
    const prompts: DetectedPrompt[] = [];
    for (const def of scanTopLevelDefs(text)) {
      if (def.name.startsWith('_')) continue;
      const params = annotatedDescriptions(def.params, isFrameworkMarker);
      if (!params.length && !catalog) continue;
      const prompt = toolPrompt(def, params, catalog ? 'a module of a folder whose functions the repository loads as tools' : undefined);
      if (prompt) prompts.push(prompt);
    }
    if (prompts.length) out.set(path, prompts);
  }
  return out;
}

function toolPrompt(def: PyDefScan, params: readonly { param: string; text: string }[], folder: string | undefined): DetectedPrompt | undefined {
  const doc = def.doc && def.doc.length >= MIN_DOC ? def.doc : undefined;
  if (!doc && !params.length) return undefined;
  const text = [doc ?? def.name, ...params.map((p) => `${p.param}: ${p.text}`)].join('\n');
  const why = params.length ? `its parameters are described with Annotated for a tool schema${folder ? `, in ${folder}` : ''}` : `in ${folder}`;
  return {
    id: `tf${def.line}`,
    line: def.line,
    column: 0,
    endLine: def.endLine,
    endColumn: 0,
    kind: 'tool-description',
    text,
    placeholders: [],
    confidence: params.length ? 0.8 : 0.7,
    reason: `docstring and parameter descriptions of tool function ${def.name} (${why})`,
    name: def.name,
  };
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
