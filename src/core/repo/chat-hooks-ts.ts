/**
 * TypeScript facts of the AI SDK's chat hooks that drive a tool loop from the browser (chat-hook-loops.ts prices
 * them). Read from the SDK's own sources (github:vercel/ai):
 *
 * - **AI SDK 3.4 (`ai/react`)**: `useChat({ maxSteps })`, `maxSteps = maxToolRoundtrips != null ? maxToolRoundtrips + 1
 *   : 1` (packages/react/src/use-chat.ts at ai@3.4.9; `maxToolRoundtrips` defaults to the deprecated
 *   `experimental_maxAutomaticRoundtrips`/`maxAutomaticRoundtrips`). After a response, while `maxSteps > 1`, the last
 *   message is an assistant message whose tool invocations all have results and the trailing assistant messages
 *   number under `maxSteps`, the hook posts the conversation again.
 * - **AI SDK 4 (`@ai-sdk/react`, `ai/react`, `@ai-sdk/vue`, `@ai-sdk/svelte`'s `Chat`)**: `maxSteps = 1` by default;
 *   `shouldResubmitMessages` (packages/ui-utils/src/should-resubmit-messages.ts at ai@4.3.19) posts again while the
 *   last step's tool invocations all have results and the message's step count is under `maxSteps`.
 * - **AI SDK 5 and later**: no count on the client. `sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithToolCalls`
 *   (packages/ai/src/ui/chat.ts) posts again whenever the last assistant message's tool calls all have outputs:
 *   the loop ends only when the model answers without a tool call. `lastAssistantMessageIsCompleteWithApprovalResponses`
 *   (and a hand-written test on approvals) posts once per approval the user clicks: not a loop of its own.
 *
 * The hook posts to `api` (AI SDK 3/4) or to the `api` of `new DefaultChatTransport({ api })` (AI SDK 5); both
 * default to `/api/chat`. A custom transport posts where its own code says: no route is read then.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr, FunctionFact } from './facts';
import type { ChatHookFact } from './chat-hook-types';
import { enclosingFunction } from './extract-shared';

export type { ChatHookFact } from './chat-hook-types';

type ExprOf = (n: SyntaxNode, depth: number) => Expr;

/** `useChat(…)` (React, AI SDK 3-5), `useChatRuntime(…)` (assistant-ui over the AI SDK), `new Chat(…)` (Svelte, Vue, AI SDK 5). */
const HOOK = /^(useChat|useChatRuntime)$/;
const CHAT_CLASS = /^Chat$/;
const ROUNDTRIPS = /^(maxToolRoundtrips|experimental_maxAutomaticRoundtrips|maxAutomaticRoundtrips)$/;
const RESUBMIT_ON_TOOLS = /\blastAssistantMessageIsCompleteWithToolCalls\b/;
const MAX_HOOKS = 20;

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (/^(parenthesized_expression|as_expression|satisfies_expression|non_null_expression)$/.test(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** The `key: value` pairs of an object literal, shorthand keys (`{ maxSteps }`) as their own name. */
function pairsOf(obj: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const p of obj.namedChildren) {
    if (!p) continue;
    if (p.type === 'shorthand_property_identifier') out.set(p.text, p);
    if (p.type !== 'pair') continue;
    const key = p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
    const value = p.childForFieldName('value');
    if (key && value) out.set(key, value);
  }
  return out;
}

export function chatHooksOf(calls: readonly SyntaxNode[], functions: readonly FunctionFact[], exprOf: ExprOf): ChatHookFact[] {
  const out: ChatHookFact[] = [];
  for (const call of calls) {
    if (out.length >= MAX_HOOKS) break;
    const callee = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function')?.text ?? '';
    if (!(call.type === 'call_expression' ? HOOK.test(callee) : call.type === 'new_expression' && CHAT_CLASS.test(callee))) continue;
    const first = call.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
    const options = first ? unwrap(first) : undefined;
    if (options?.type !== 'object') continue;
    const pairs = pairsOf(options);
    const fact = hookFact(pairs, exprOf);
    if (!fact) continue;
    const line = call.startPosition.row + 1;
    const owner = enclosingFunction(functions, line);
    out.push({ line, column: call.startPosition.column, endLine: call.endPosition.row + 1, endColumn: call.endPosition.column, ...(owner ? { fn: owner.name } : {}), ...fact });
  }
  return out;
}

function hookFact(pairs: ReadonlyMap<string, SyntaxNode>, exprOf: ExprOf): Pick<ChatHookFact, 'api' | 'steps' | 'unbounded'> | undefined {
  const when = pairs.get('sendAutomaticallyWhen');
  const count = pairs.get('maxSteps');
  const roundtrips = [...pairs.keys()].find((k) => ROUNDTRIPS.test(k));
  const steps = count
    ? { value: exprOf(count, 0), option: `maxSteps: ${count.text}`, offset: 0 }
    : roundtrips
      ? { value: exprOf(pairs.get(roundtrips)!, 0), option: `${roundtrips}: ${pairs.get(roundtrips)!.text} (+1)`, offset: 1 }
      : undefined;
  const unbounded = !steps && when !== undefined && RESUBMIT_ON_TOOLS.test(when.text);
  if (!steps && !unbounded) return undefined;
  const api = apiOf(pairs, exprOf);
  if (api === null) return undefined;
  return { ...(api ? { api } : {}), ...(steps ? { steps } : {}), ...(unbounded ? { unbounded: true as const } : {}) };
}

/** The route: `api`, or `transport: new DefaultChatTransport({ api })`; undefined for the default, null for a custom transport. */
function apiOf(pairs: ReadonlyMap<string, SyntaxNode>, exprOf: ExprOf): Expr | undefined | null {
  const api = pairs.get('api');
  if (api) return exprOf(api, 0);
  const transport = pairs.get('transport');
  if (!transport) return undefined;
  const t = unwrap(transport);
  if (t.type !== 'new_expression' || !/^(DefaultChatTransport|AssistantChatTransport)$/.test(t.childForFieldName('constructor')?.text ?? '')) return null;
  const arg = t.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
  const options = arg ? unwrap(arg) : undefined;
  if (!options) return undefined;
  if (options.type !== 'object') return null;
  const inner = pairsOf(options).get('api');
  return inner ? exprOf(inner, 0) : undefined;
}
