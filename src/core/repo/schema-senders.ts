/**
 * Schemas sent through the repository's own helpers, and the models they nest (facts from
 * detect/schema-senders.ts). `def require_schema(self, model)` writes `model.model_json_schema()` into a
 * message in one file; `convo.require_schema(Plan)` in another sends `Plan`. Pydantic's JSON schema holds
 * every model a field names (`tasks: list[Task]`, `action: Union[ReadFiles, AddFiles]`, a type alias of
 * them), so their docstrings and descriptions are sent with it, whichever way the outer schema is sent.
 */
import type { Expr, SchemaFact, SchemaUseFact } from './facts';
import type { Evaluator } from './evaluate';
import type { RepoStore } from './store';

/** Classes followed through nested fields from one sent schema. */
const MAX_NESTED = 60;

/** Uses of the repository's schema senders, by the file they are written in. */
export function senderUses(store: RepoStore): Map<string, SchemaUseFact[]> {
  const senders = new Map<string, Set<number>>();
  for (const stored of store.files()) {
    for (const s of stored.facts.schemaSenders ?? []) {
      const set = senders.get(s.fn) ?? new Set<number>();
      set.add(s.param);
      senders.set(s.fn, set);
    }
  }
  const out = new Map<string, SchemaUseFact[]>();
  if (!senders.size) return out;
  for (const stored of store.files()) {
    const uses: SchemaUseFact[] = [];
    const scan = (calls: readonly { expr: Expr; line: number }[], fn: string | undefined): void => {
      for (const c of calls) {
        const e = c.expr;
        if (e.k !== 'call') continue;
        const name = e.callee.k === 'member' ? e.callee.prop : e.callee.k === 'name' ? e.callee.v : undefined;
        const params = name ? senders.get(name) : undefined;
        for (const param of params ?? []) {
          const arg = e.args[param];
          if (arg?.k === 'name' && /^[A-Z]/.test(arg.v)) uses.push({ names: [arg.v], line: c.line, endLine: c.line, ...(fn ? { fn } : {}) });
        }
      }
    };
    for (const f of stored.facts.functions) scan(f.calls, f.name);
    scan(stored.facts.moduleCalls, undefined);
    if (uses.length) out.set(stored.file.path, uses);
  }
  return out;
}

export interface SentSchema {
  readonly path: string;
  readonly schema: SchemaFact;
  /** The sent schema that holds this one in a field; undefined for the sent schema itself. */
  readonly nestedIn?: string;
}

/** The class (or type alias) a name stands for at `path`, in whichever file declares it. */
function locate(store: RepoStore, evaluator: Evaluator, path: string, name: string): { path: string; name: string } | undefined {
  const here = store.get(path);
  if (here?.classes.has(name) || here?.facts.schemaRefs?.[name]) return { path, name };
  let v;
  try {
    v = evaluator.global(path, name, 0);
  } catch {
    return undefined;
  }
  return v?.t === 'class' ? { path: v.path, name: v.cls.name } : undefined;
}

/**
 * The schema a use names (`resolve`, as the use's own rule finds it) and every schema class nested in it,
 * followed through the field annotations of each class (breadth first, each class once).
 */
export function withNested(
  store: RepoStore,
  evaluator: Evaluator,
  path: string,
  name: string,
  resolve: (path: string, name: string) => { path: string; schema: SchemaFact } | undefined,
): SentSchema[] {
  const out: SentSchema[] = [];
  const root = resolve(path, name);
  if (root) out.push(root);
  const start = locate(store, evaluator, path, name);
  if (!start) return out;
  const seen = new Set([`${start.path}#${start.name}`]);
  const queue = [start];
  while (queue.length && seen.size <= MAX_NESTED) {
    const at = queue.shift()!;
    for (const ref of store.get(at.path)?.facts.schemaRefs?.[at.name] ?? []) {
      const found = locate(store, evaluator, at.path, ref);
      if (!found || seen.has(`${found.path}#${found.name}`)) continue;
      seen.add(`${found.path}#${found.name}`);
      queue.push(found);
      const schema = store.get(found.path)?.facts.schemas?.find((s) => s.name === found.name);
      if (schema && !out.some((o) => o.schema === schema)) out.push({ path: found.path, schema, nestedIn: name });
    }
  }
  return out;
}
