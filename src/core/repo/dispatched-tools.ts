/**
 * Texts a Python tool function returns, sent back to the model as the tool message (facts from
 * detect/py-tool-returns.ts). A module that hands a function to the agent as a tool, by registering it
 * (`Tool(execute=_exec_open)`) or by returning its result from a branch on the tool call's name
 * (`if tool_call.name == "extract_assets": return await run_extract_assets(…)`), makes the texts that function
 * returns as its result (`ToolExecutionResult(result={"error": "No input images are available."})`) prompts of the
 * module that writes it, here or across imports. A function nobody dispatches keeps its returns to itself: an
 * ordinary helper's message is program output, not a prompt.
 *
 * A method handed over bound (`FunctionTool.from_defaults(fn=agent_builder.load_data)`, detect/py-tool-methods.ts)
 * is named `Class.method`: the class is followed across imports, and the method's docstring is the tool's
 * description besides its returned texts being the tool result.
 */
import type { DetectedPrompt } from '../detect/types';
import { followImports } from './spliced-constants';
import type { RepoStore } from './store';

export function dispatchedToolPromptsByFile(store: RepoStore): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  for (const stored of store.files()) {
    const fromPath = stored.file.path;
    for (const name of stored.facts.toolDispatch ?? []) {
      const dot = name.indexOf('.');
      const [head, method] = dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
      const at = followImports(store, fromPath, head, (s, wanted) => Boolean(s.facts.toolReturnTexts?.some((t) => t.fn === wanted + method)));
      const written = at ? store.get(at.path) : undefined;
      const fact = at && written?.facts.toolReturnTexts?.find((t) => t.fn === at.name + method);
      if (!at || !written || !fact) continue;
      const list = out.get(at.path) ?? [];
      const fnName = fact.fn;
      if (fact.doc && !overlaps(list, written.file.prompts, fact.doc)) list.push(descriptionPrompt(fact.doc, fnName, fromPath));
      for (const t of fact.texts) {
        if (overlaps(list, written.file.prompts, t)) continue;
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
          reason: `text returned by a dispatched tool function (${fnName}, handed over at ${fromPath}): the tool result`,
          name: fnName,
        });
      }
      if (list.length) out.set(at.path, list);
    }
  }
  return out;
}

function overlaps(list: readonly DetectedPrompt[], found: readonly DetectedPrompt[], t: { line: number; endLine: number }): boolean {
  return list.some((p) => p.line === t.line) || found.some((p) => p.line <= t.endLine && t.line <= p.endLine);
}

function descriptionPrompt(doc: { line: number; endLine: number; text: string }, fn: string, fromPath: string): DetectedPrompt {
  return {
    id: `p${doc.line}.1`,
    line: doc.line,
    column: 1,
    endLine: doc.endLine,
    endColumn: 1,
    kind: 'tool-description',
    text: doc.text,
    placeholders: [],
    confidence: 0.7,
    reason: `docstring of ${fn}, handed to a function-tool converter at ${fromPath}: the tool's description`,
    name: fn,
  };
}
