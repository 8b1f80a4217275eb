/**
 * A tool's text written in another module than the tool (detect/tool-part-calls.ts gives the calls):
 *
 * - `description: getSearchToolDescription()` imported: each written text the function returns (every branch: the
 *   choice is often an environment variable's) is the tool's description, a prompt where it is written;
 * - `inputSchema: getSearchSchemaForModel(model)` imported: each schema the picker returns (`return strictSchema` /
 *   `return searchSchema`) is sent as the tool's input schema, with its `.describe("…")` texts;
 * - `.describe(getSearchTypeDescription())` inside a module-level schema: when that schema is sent (picked as above,
 *   named by a request elsewhere, or reported in place), the function's returned texts are sent with it.
 *
 * The texts are the ones detection already records per exported function (`builderTexts`, three written words or
 * more); a text the file already reports is not reported twice.
 */
import type { DetectedPrompt } from '../detect/types';
import type { SchemaFact } from './facts';
import { importedSchema } from './imported-schemas';
import { inactiveToolSpans, within } from './inactive-tools';
import { followImports } from './spliced-constants';
import type { RepoStore } from './store';

export { inactiveToolPromptIds, inactiveToolSpans } from './inactive-tools';

const WRITTEN = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

type Stored = NonNullable<ReturnType<RepoStore['get']>>;

/** Adds the tool texts reached through calls to `byFile` (the spliced-constants map, by the file that writes them). */
export function withToolPartTexts(store: RepoStore, byFile: Map<string, DetectedPrompt[]>, revealed: ReadonlyMap<string, readonly DetectedPrompt[]>): Map<string, DetectedPrompt[]> {
  const add = (path: string, p: DetectedPrompt): void => {
    const list = byFile.get(path) ?? [];
    if (list.some((o) => o.line === p.line) || store.get(path)?.file.prompts.some((o) => o.line <= p.line && p.line <= o.endLine)) return;
    list.push(p);
    byFile.set(path, list);
  };
  const sentSchemas = new Set<string>();
  // A tool no request offers (`activeTools` leaves it out) sends neither its description nor its schema.
  const inactive = inactiveToolSpans(store);
  for (const stored of store.files()) {
    const path = stored.file.path;
    for (const fact of stored.facts.toolPartCalls ?? []) {
      if (within(inactive, path, fact.line)) continue;
      if (fact.as === 'description') {
        for (const t of returnedTexts(store, path, fact.fn)) add(t.path, text(t, `returned by ${fact.fn}(), the description of the tool defined at ${path}:${fact.line}`));
      } else if (fact.as === 'schema') {
        for (const hit of pickedSchemas(store, path, fact.fn)) {
          sentSchemas.add(`${hit.path}#${hit.schema.name}`);
          add(hit.path, schemaPrompt(hit.schema, `schema ${hit.schema.name} returned by ${fact.fn}(), the input schema of the tool defined at ${path}:${fact.line}`));
        }
      }
    }
  }
  // `.describe(f())` of a schema that is sent: picked above, revealed by a use, or reported where it is written.
  for (const stored of store.files()) {
    const path = stored.file.path;
    for (const fact of stored.facts.toolPartCalls ?? []) {
      if (fact.as !== 'describe' || !fact.schema || !isSent(stored, path, fact.schema, sentSchemas, revealed)) continue;
      for (const t of returnedTexts(store, path, fact.fn)) add(t.path, text(t, `returned by ${fact.fn}(), a field description of schema ${fact.schema} sent as a tool's input`));
    }
  }
  return byFile;
}

function isSent(stored: Stored, path: string, name: string, picked: ReadonlySet<string>, revealed: ReadonlyMap<string, readonly DetectedPrompt[]>): boolean {
  if (picked.has(`${path}#${name}`) || revealed.get(path)?.some((p) => p.name === name)) return true;
  const schema = stored.facts.schemas?.find((s) => s.name === name);
  return Boolean(schema && stored.file.prompts.some((p) => p.kind === 'tool-description' && schema.line <= p.line && p.line <= schema.endLine));
}

interface Written {
  readonly path: string;
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

/** The written texts an imported (or local) function returns, in the module that writes it. */
function returnedTexts(store: RepoStore, fromPath: string, fn: string): Written[] {
  const at = followImports(store, fromPath, fn, (stored, wanted) => Boolean(stored.facts.builderTexts?.some((b) => b.fn === wanted)));
  const fact = at && store.get(at.path)?.facts.builderTexts?.find((b) => b.fn === at.name);
  return (fact?.texts ?? []).filter((t) => WRITTEN.test(t.text)).map((t) => ({ path: at!.path, name: at!.name, line: t.line, endLine: t.endLine, text: t.text }));
}

/** The schemas a picker function returns (`return strict ? strictSchema : schema` as two returns or names), where they are declared. */
function pickedSchemas(store: RepoStore, fromPath: string, fn: string): { path: string; schema: SchemaFact }[] {
  const at = followImports(store, fromPath, fn, (stored, wanted) => stored.facts.functions.some((f) => f.name === wanted));
  const def = at && store.get(at.path)?.facts.functions.find((f) => f.name === at.name);
  if (!at || !def) return [];
  const names: string[] = [];
  for (const r of [def.returns, ...(def.moreReturns ?? [])]) {
    if (r?.k === 'name') names.push(r.v);
    else if (r?.k === 'or') for (const side of [r.left, r.right]) if (side.k === 'name') names.push(side.v);
  }
  const out: { path: string; schema: SchemaFact }[] = [];
  for (const name of names) {
    const own = store.get(at.path)?.facts.schemas?.find((s) => s.name === name);
    const hit = own ? { path: at.path, schema: own } : importedSchema(store, at.path, name);
    if (hit && !out.some((o) => o.schema === hit.schema)) out.push(hit);
  }
  return out;
}

function text(t: Written, reason: string): DetectedPrompt {
  return { id: `p${t.line}.1`, line: t.line, column: 1, endLine: t.endLine, endColumn: 1, kind: 'tool-description', text: t.text, placeholders: [], confidence: 0.8, reason, name: t.name };
}

function schemaPrompt(s: SchemaFact, reason: string): DetectedPrompt {
  return { id: `p${s.line}.${s.column}`, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn, kind: 'tool-description', text: s.text, placeholders: [], confidence: 0.85, reason, name: s.name };
}
