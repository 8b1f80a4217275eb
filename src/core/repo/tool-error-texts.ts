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
 *
 * Tool classes run through a map by the tool call's name (`tool_dict[call.name].execute(**call.input)`, facts from
 * detect/py-tool-map-methods.ts): the texts that method returns in a class below one of the repository's own
 * classes (the tool base class) are the tool result too.
 */
import type { DetectedPrompt } from '../detect/types';
import type { RepoStore } from './store';

const MAX_DEPTH = 6;
const TOOL_BASE = /^\w*Tool$/;

export function toolErrorPromptsByFile(store: RepoStore): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  const bases = new Map<string, string[]>();
  const caught = new Set<string>();
  const results = new Set<string>();
  const mapped = new Set<string>();
  for (const stored of store.files()) {
    const errors = stored.facts.toolFunctionHints?.errors;
    for (const m of errors?.mapped ?? []) mapped.add(m);
    for (const c of [...(errors?.classes ?? []), ...(stored.facts.classes ?? [])]) if (!bases.has(c.name)) bases.set(c.name, c.bases.map((b) => b.slice(b.lastIndexOf('.') + 1)));
    for (const c of errors?.caught ?? []) caught.add(c);
    for (const r of errors?.results ?? []) results.add(r);
  }
  // Only the repository's own classes: a library's exception or result type is not this repository's tool protocol.
  const exceptions = new Set([...caught].filter((c) => bases.has(c)));
  const roots = new Set([...results].filter((r) => bases.has(r)).map((r) => (bases.get(r) ?? []).find((b) => bases.has(b)) ?? r));
  if (!exceptions.size && !roots.size && !mapped.size) return out;
  const below = (name: string, tops: ReadonlySet<string>, depth = 0): boolean => tops.has(name) || (depth < MAX_DEPTH && (bases.get(name) ?? []).some((b) => below(b, tops, depth + 1)));
  for (const stored of store.files()) {
    const errors = stored.facts.toolFunctionHints?.errors;
    const texts = errors?.texts ?? [];
    const list: DetectedPrompt[] = [];
    // `tool_dict[call.name].execute(…)`: what a tool class below one of the repository's classes returns there.
    for (const m of errors?.methods ?? []) {
      const dot = m.fn.lastIndexOf('.');
      const [cls, method] = [m.fn.slice(0, dot), m.fn.slice(dot + 1)];
      // Below one of the repository's classes, or a base named as a tool's (its module may hold no LLM word and go unread).
      if (!mapped.has(method) || !(bases.get(cls) ?? []).some((b) => bases.has(b) || TOOL_BASE.test(b))) continue;
      for (const t of m.texts) add(list, stored.file.prompts, { line: t.line, endLine: t.endLine, text: t.text, name: m.fn, reason: `text returned by ${m.fn}, run through a tool map by the tool's name: the tool result sent back to the model` });
    }
    for (const t of texts) {
      const raised = t.how === 'raised';
      if (!(raised ? below(t.cls, exceptions) : below(t.cls, roots))) continue;
      add(list, stored.file.prompts, { line: t.line, endLine: t.endLine, text: t.text, name: t.cls, reason: raised ? `message of a raised ${t.cls}, which the tool collection catches into the tool result the model reads` : `${t.cls} field: the tool result sent back to the model` });
    }
    if (list.length) out.set(stored.file.path, list);
  }
  return out;
}

interface Found {
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
  readonly name: string;
  readonly reason: string;
}

function add(list: DetectedPrompt[], found: readonly DetectedPrompt[], t: Found): void {
  if (list.some((p) => p.line === t.line) || found.some((p) => p.line <= t.endLine && t.line <= p.endLine)) return;
  list.push({ id: `p${t.line}.1`, line: t.line, column: 1, endLine: t.endLine, endColumn: 1, kind: 'other', text: t.text, placeholders: [], confidence: 0.7, reason: t.reason, name: t.name });
}
