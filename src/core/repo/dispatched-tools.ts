/**
 * Texts a Python tool function returns, sent back to the model as the tool message (facts from
 * detect/py-tool-returns.ts). A module that hands a function to the agent as a tool, by registering it
 * (`Tool(execute=_exec_open)`) or by returning its result from a branch on the tool call's name
 * (`if tool_call.name == "extract_assets": return await run_extract_assets(…)`), makes the texts that function
 * returns as its result (`ToolExecutionResult(result={"error": "No input images are available."})`) prompts of the
 * module that writes it, here or across imports. A function nobody dispatches keeps its returns to itself: an
 * ordinary helper's message is program output, not a prompt.
 */
import type { DetectedPrompt } from '../detect/types';
import { followImports } from './spliced-constants';
import type { RepoStore } from './store';

export function dispatchedToolPromptsByFile(store: RepoStore): Map<string, DetectedPrompt[]> {
  const out = new Map<string, DetectedPrompt[]>();
  for (const stored of store.files()) {
    const fromPath = stored.file.path;
    for (const name of stored.facts.toolDispatch ?? []) {
      const at = followImports(store, fromPath, name, (s, wanted) => Boolean(s.facts.toolReturnTexts?.some((t) => t.fn === wanted)));
      const written = at ? store.get(at.path) : undefined;
      const fact = at && written?.facts.toolReturnTexts?.find((t) => t.fn === at.name);
      if (!at || !written || !fact) continue;
      const list = out.get(at.path) ?? [];
      for (const t of fact.texts) {
        if (list.some((p) => p.line === t.line) || written.file.prompts.some((p) => p.line <= t.endLine && t.line <= p.endLine)) continue;
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
          reason: `text returned by a dispatched tool function (${at.name}, handed over at ${fromPath}): the tool result`,
          name: at.name,
        });
      }
      if (list.length) out.set(at.path, list);
    }
  }
  return out;
}
