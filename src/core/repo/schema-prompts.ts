/**
 * Schemas sent with a request across files: `model.with_structured_output(ClarifyWithUser)` in one file,
 * `class ClarifyWithUser(BaseModel)` with its docstring and field descriptions in another. The class's
 * text is a tool-description prompt of the file that declares it (revealed by the use), and it is part
 * of the input of the request that sends it.
 */
import type { DetectedPrompt } from '../detect/types';
import type { SourceRef } from '../report/types';
import type { Evaluator } from './evaluate';
import type { CallFact, SchemaFact, SchemaUseFact } from './facts';
import type { RepoStore } from './store';
import { senderUses, withNested } from './schema-senders';
import { importedSchema } from './imported-schemas';
import { fieldSchema } from './field-schemas';

export interface SchemaHit {
  readonly name: string;
  readonly path: string;
  readonly schema: SchemaFact;
  readonly use: SourceRef;
}

/** The schema class a name at a use stands for, in whichever file declares it. */
function resolveSchema(store: RepoStore, evaluator: Evaluator, path: string, name: string): { path: string; schema: SchemaFact } | undefined {
  // `.extraction_schema`: the schema dict a state field defaults to (field-schemas.ts).
  if (name.startsWith('.')) return fieldSchema(store, name);
  const own = store.get(path)?.facts.schemas?.find((s) => s.name === name);
  if (own && store.get(path)?.classes.has(name)) return { path, schema: own };
  let v;
  try {
    v = evaluator.global(path, name, 0);
  } catch {
    return undefined;
  }
  if (v?.t !== 'class') return own ? { path, schema: own } : importedSchema(store, path, name);
  const schema = store.get(v.path)?.facts.schemas?.find((s) => s.name === v.cls.name);
  return schema ? { path: v.path, schema } : undefined;
}

/** Every schema some request of the repository sends, by the file that declares it. One pass over the uses. */
export function schemaPromptsByFile(store: RepoStore, evaluator: Evaluator): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  // Uses through the repository's own schema helpers, and schemas nested in the sent ones (schema-senders.ts).
  const viaSenders = senderUses(store);
  const resolve = (p: string, n: string): ReturnType<typeof resolveSchema> => resolveSchema(store, evaluator, p, n);
  for (const stored of store.files()) {
    for (const use of [...(stored.facts.schemaUses ?? []), ...(viaSenders.get(stored.file.path) ?? [])]) {
      for (const hit of use.names.flatMap((name) => withNested(store, evaluator, stored.file.path, name, resolve))) {
        const list = out.get(hit.path) ?? [];
        const s = hit.schema;
        const id = `p${s.line}.${s.column}`;
        if (list.some((p) => p.id === id)) continue;
        list.push({
          id,
          line: s.line,
          column: s.column,
          endLine: s.endLine,
          endColumn: s.endColumn,
          kind: 'tool-description',
          text: s.text,
          placeholders: [],
          confidence: 0.85,
          reason: `schema ${s.name}${hit.nestedIn ? ` (nested in ${hit.nestedIn})` : ''} sent with a request at ${stored.file.path}:${use.line}`,
          name: s.name,
        });
        out.set(hit.path, list);
      }
    }
  }
  return out;
}

/** Schemas the request sends: uses in its function on the model it invokes (`structured = model.with_structured_output(X)`), or inside the call itself. */
export function schemasOfCall(store: RepoStore, evaluator: Evaluator, path: string, fact: CallFact, span: { line: number; endLine: number }): SchemaHit[] {
  const uses = store.get(path)?.facts.schemaUses ?? [];
  const receiver = fact.receiver?.replace(/\(.*$/s, '');
  const linked = uses.filter((u: SchemaUseFact) => u.fn === fact.fn && ((u.target !== undefined && u.target === receiver) || (u.line >= span.line && u.endLine <= span.endLine)));
  const out: SchemaHit[] = [];
  for (const use of linked) {
    for (const name of use.names) {
      const hit = resolveSchema(store, evaluator, path, name);
      if (hit && !out.some((o) => o.schema === hit.schema)) out.push({ name, ...hit, use: { path, line: use.line } });
    }
  }
  return out;
}
