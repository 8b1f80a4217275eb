/**
 * Tool results written in the shape each SDK's types give them, keyed by the item's own type rather than a role:
 *
 * - OpenAI Responses API, `ResponseInputItem.FunctionCallOutput` (openai-node `src/resources/responses/responses.ts`):
 *   `{ type: 'function_call_output', call_id, output }`.
 * - Anthropic Messages, `ToolResultBlockParam` (anthropic-sdk-typescript `src/resources/messages/messages.ts`):
 *   `{ type: 'tool_result', tool_use_id, content, is_error? }`.
 * - AI SDK, `ToolResultPart` (vercel/ai `packages/provider-utils/src/types/content-part.ts`): `{ type: 'tool-result',
 *   toolCallId, toolName, output }` (v5+, `output` a `{ type: 'text' | 'json' | 'error-text', value }`) or `result` (v4).
 *
 * The id beside the type (the call the result answers) is what makes the literal a result sent back to the model;
 * `{ type: 'tool_result' }` alone could be a UI event. OpenAI Chat's and LangChain's `{role|type: 'tool', tool_call_id,
 * content}` are read by role in prompt-places.ts.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const RESULT_ITEMS: ReadonlyArray<{ type: string; id: string; values: readonly string[] }> = [
  { type: 'function_call_output', id: 'call_id', values: ['output'] },
  { type: 'tool_result', id: 'tool_use_id', values: ['content'] },
  { type: 'tool-result', id: 'toolCallId', values: ['output', 'result'] },
];

/** The value a tool-result item carries back to the model, with the SDK shape it was read as; undefined for any other literal. */
export function toolResultItemValue(syntax: LanguageSyntax, entries: ReadonlyMap<string, SyntaxNode>): { value: SyntaxNode; label: string } | undefined {
  const typeNode = entries.get('type');
  const type = typeNode ? syntax.stringConstant(typeNode) : undefined;
  const shape = type ? RESULT_ITEMS.find((s) => s.type === type && entries.has(s.id)) : undefined;
  if (!shape) return undefined;
  for (const key of shape.values) {
    const value = entries.get(key);
    if (!value) continue;
    // AI SDK 5: `output: { type: 'text', value: '…' }`: the text is the part's value.
    const part = syntax.entries(value);
    const inner = part?.has('type') ? part.get('value') : undefined;
    return { value: inner ?? value, label: `tool result (${type} ${key})` };
  }
  return undefined;
}
