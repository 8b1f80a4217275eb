/**
 * TypeScript: the functions of a file that read the answer's tool calls by name (`tool_calls`, `toolCalls`,
 * `required_action.submit_tool_outputs`, `finish_reason`…), for route-cycle-loops.ts: a cycle of the page's functions
 * is a tool loop only where one of them reads what the model asked for. Read from the text of each function's lines
 * (its callbacks included), only in files that name such a field at all.
 */
import type { SyntaxNode } from '../detect/parser';
import { TOOL_HANDLING } from '../detect/frameworks';
import type { FileFacts } from './facts';

/** File facts with the functions that read tool calls. */
export type ToolReaderFacts = FileFacts & { readonly toolReaders?: readonly string[] };

/** The chat APIs' tool fields, and the Assistants API's paused run (`required_action.submit_tool_outputs.tool_calls`). */
export const READS_TOOL_CALLS = new RegExp(`${TOOL_HANDLING.source}|required_action|submit_tool_outputs`);
const MAX_FUNCTIONS = 300;

export function withToolReaders(facts: FileFacts, root: SyntaxNode): FileFacts {
  if (facts.functions.length > MAX_FUNCTIONS || !READS_TOOL_CALLS.test(root.text)) return facts;
  const lines = root.text.split('\n');
  const readers = facts.functions.filter((fn) => READS_TOOL_CALLS.test(lines.slice(fn.line - 1, fn.endLine).join('\n'))).map((fn) => fn.name);
  if (!readers.length) return facts;
  const out: ToolReaderFacts = { ...facts, toolReaders: readers };
  return out;
}
