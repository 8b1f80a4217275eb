/**
 * Tool classes across the repository (facts from detect/tool-classes.ts): where a class's method (or a function
 * taking the class) builds a tool schema from its attributes (`"description": self.description`, `"parameters":
 * self.parameters`), the attributes of that class and of every subclass, in whatever file, are the texts the model
 * reads with each request that offers the tool. Each is a prompt of the file it is written in. Classes outside
 * such a family keep their attributes to themselves: a `description` shown in a UI is not a prompt.
 */
import type { DetectedPrompt } from '../detect/types';
import type { ClassFact, ToolClassFact } from './facts';
import type { Evaluator } from './evaluate';
import type { RepoStore } from './store';

/** Bases followed up from one class (a deep hierarchy is rare; a cycle must not loop). */
const MAX_ANCESTORS = 8;

interface Builder {
  readonly described: Set<string>;
  readonly schemas: Set<string>;
}

export function toolClassPromptsByFile(store: RepoStore, evaluator: Evaluator): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  const builders = new Map<string, Builder>();
  for (const stored of store.files()) {
    for (const b of stored.facts.toolSchemaBuilders ?? []) {
      const key = classKey(evaluator, stored.file.path, b.cls);
      const entry = builders.get(key) ?? { described: new Set<string>(), schemas: new Set<string>() };
      for (const a of b.described) entry.described.add(a);
      for (const a of b.schemas) entry.schemas.add(a);
      builders.set(key, entry);
    }
  }
  if (!builders.size) return out;
  for (const stored of store.files()) {
    const path = stored.file.path;
    const found: DetectedPrompt[] = [];
    for (const cls of stored.facts.toolClasses ?? []) {
      const read = attributesRead(store, evaluator, path, cls, builders);
      for (const attr of read) found.push(...(cls.attrs[attr] ?? []));
    }
    if (found.length) out.set(path, dedupe(found));
  }
  return out;
}

/** The attributes the builders of this class's family read. */
function attributesRead(store: RepoStore, evaluator: Evaluator, path: string, cls: ToolClassFact, builders: ReadonlyMap<string, Builder>): Set<string> {
  const read = new Set<string>();
  const seen = new Set<string>();
  const queue: { path: string; name: string; bases: readonly string[] }[] = [{ path, name: cls.name, bases: cls.bases }];
  while (queue.length && seen.size < MAX_ANCESTORS) {
    const at = queue.shift()!;
    const key = `${at.path}#${at.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const b = builders.get(key);
    if (b) for (const a of [...b.described, ...b.schemas]) read.add(a);
    for (const base of at.bases) {
      const found = locate(evaluator, at.path, base);
      const fact = found ? classFact(store, found.path, found.name) : undefined;
      if (found && fact) queue.push({ path: found.path, name: found.name, bases: fact.bases });
      // A base declared in a module without facts (an abstract `BaseTool(ABC)` names no model): known by its name only.
      else if (!found) {
        const byName = builders.get(unlocatedKey(base));
        if (byName) for (const a of [...byName.described, ...byName.schemas]) read.add(a);
      }
    }
  }
  return read;
}

/**
 * The key a builder's class is found under: where it is declared, or, when its module has no facts (an abstract
 * base class in a file that names no model is not read), its name as written.
 */
function classKey(evaluator: Evaluator, path: string, written: string): string {
  const at = locate(evaluator, path, written);
  return at ? `${at.path}#${at.name}` : unlocatedKey(written);
}

function unlocatedKey(written: string): string {
  return `?#${written.replace(/\[.*$/s, '').split('.').pop() ?? written}`;
}

/** The class a name written in `path` stands for (its own class, or one imported), by where it is declared. */
function locate(evaluator: Evaluator, path: string, written: string): { path: string; name: string } | undefined {
  const name = written.replace(/\[.*$/s, '').split('.').pop() ?? written;
  let v;
  try {
    v = evaluator.global(path, name, 0);
  } catch {
    return undefined;
  }
  return v?.t === 'class' ? { path: v.path, name: v.cls.name } : undefined;
}

function classFact(store: RepoStore, path: string, name: string): ClassFact | undefined {
  return store.get(path)?.classes.get(name);
}

function dedupe(prompts: readonly DetectedPrompt[]): DetectedPrompt[] {
  const byId = new Map<string, DetectedPrompt>();
  for (const p of prompts) if (!byId.has(p.id)) byId.set(p.id, p);
  return [...byId.values()];
}
