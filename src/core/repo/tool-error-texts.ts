/**
 * Texts a tool implementation gives back through its own exception and result classes (facts from
 * detect/py-tool-errors.ts): where some module turns a tool exception into the result it returns
 * (`except ToolError as e: return ToolFailure(error=e.message)`, the tool collection the agent loop runs every tool
 * call through), the fixed text of every `raise ToolError("…")` in the repository is the error the model reads in
 * the next request, and the fixed texts given to the result family's fields (`ToolResult(system="tool has been
 * restarted.")`, `CLIResult(output=success_msg)`) are the results it reads. The family is the returned class, its
 * base when that base is one of the repository's classes, and every repository class below either.
 *
 * The classes are matched by name across the repository (the exception is raised in the tool modules, caught in
 * the collection, declared in a base module: three imports apart). Without a catch into a result, a tool exception
 * is the program's own failure and its message stays in a log or a traceback: nothing is reported.
 */
import type { DetectedPrompt } from '../detect/types';
import type { RepoStore } from './store';

const MAX_DEPTH = 6;

export function toolErrorPromptsByFile(store: RepoStore): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  const bases = new Map<string, string[]>();
  const caught = new Set<string>();
  const results = new Set<string>();
  for (const stored of store.files()) {
    const errors = stored.facts.toolFunctionHints?.errors;
    for (const c of errors?.classes ?? []) if (!bases.has(c.name)) bases.set(c.name, [...c.bases]);
    for (const c of errors?.caught ?? []) caught.add(c);
    for (const r of errors?.results ?? []) results.add(r);
  }
  // Only the repository's own classes: a library's exception or result type is not this repository's tool protocol.
  const exceptions = new Set([...caught].filter((c) => bases.has(c)));
  const roots = new Set([...results].filter((r) => bases.has(r)).map((r) => (bases.get(r) ?? []).find((b) => bases.has(b)) ?? r));
  if (!exceptions.size && !roots.size) return out;
  const below = (name: string, tops: ReadonlySet<string>, depth = 0): boolean => tops.has(name) || (depth < MAX_DEPTH && (bases.get(name) ?? []).some((b) => below(b, tops, depth + 1)));
  for (const stored of store.files()) {
    const texts = stored.facts.toolFunctionHints?.errors?.texts ?? [];
    const list: DetectedPrompt[] = [];
    for (const t of texts) {
      const raised = t.how === 'raised';
      if (!(raised ? below(t.cls, exceptions) : below(t.cls, roots))) continue;
      if (list.some((p) => p.line === t.line) || stored.file.prompts.some((p) => p.line <= t.endLine && t.line <= p.endLine)) continue;
      list.push({
        id: `p${t.line}.1`,
        line: t.line,
        column: 1,
        endLine: t.endLine,
        endColumn: 1,
        kind: 'other',
        text: t.text,
        placeholders: [],
        confidence: 0.7,
        reason: raised ? `message of a raised ${t.cls}, which the tool collection catches into the tool result the model reads` : `${t.cls} field: the tool result sent back to the model`,
        name: t.cls,
      });
    }
    if (list.length) out.set(stored.file.path, list);
  }
  return out;
}
