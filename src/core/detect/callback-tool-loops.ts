/**
 * TypeScript: a tool loop written as two functions calling each other through callbacks. A streamed request hands
 * its end to a local handler, and the handler, when the answer asked for tools, runs them and sends again:
 *
 *   const finish = () => {
 *     if (!running && runTools.length > 0) {
 *       const toolCallMessage = { role: 'assistant', tool_calls: [...runTools] };
 *       return Promise.all(toolCallMessage.tool_calls.map(runTool)).then((results) => {
 *         processToolMessage(requestPayload, toolCallMessage, results);
 *         setTimeout(() => chatApi(chatPath, headers, requestPayload, tools), 60);   // send again
 *       });
 *     }
 *     options.onFinish(responseText);
 *   };
 *   function chatApi(chatPath, headers, requestPayload, tools) {
 *     fetchEventSource(chatPath, { …, onclose() { finish(); }, onmessage(msg) { … } });       // the request
 *   }
 *
 * No `while` is written: each pass is one request, and the passes go on until an answer asks for no tool (nothing
 * counts them: unbounded). The loop is the handler (where the tools run and the next pass starts). Both functions
 * are declared in the same scope; the sender holds a request of the file and calls the handler (in a callback or
 * directly), the handler calls the sender after reading the answer's tool calls. A timer that polls a status, a
 * retry from an error callback, or a handler that never reads tool calls is no loop.
 */
import type { SyntaxNode } from './parser';
import type { CallRule } from './frameworks';
import { TOOL_HANDLING } from './frameworks';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';

interface FoundCall {
  readonly node: SyntaxNode;
  readonly call: Mutable<DetectedCall>;
  readonly rule: CallRule;
}

interface LocalFunction {
  readonly name: string;
  readonly node: SyntaxNode;
  /** The function the declaration sits in (undefined at module level). */
  readonly scope?: number;
}

const FUNCTIONS = /^(function_declaration|function_expression|function|arrow_function|method_definition|generator_function_declaration)$/;
/** A handler's own tool list, as such handlers name it (`runTools`), besides the API's field names. */
const TOOL_TEXT = new RegExp(`${TOOL_HANDLING.source}|runTools|tool_choice`);
const MAX_FUNCTIONS = 400;

export function findCallbackToolLoops(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: readonly FoundCall[]): void {
  if (syntax.language !== 'typescript') return;
  const requests = calls.filter((c) => c.rule.role === 'call' && !c.call.agent);
  if (!requests.length) return;
  const functions: LocalFunction[] = [];
  for (const d of collected.declarations) {
    if (!d.isFunction || !FUNCTIONS.test(d.value.type) || functions.length >= MAX_FUNCTIONS) continue;
    functions.push({ name: d.name, node: d.value, scope: enclosingFunction(d.value)?.id });
  }
  for (const sender of functions) {
    const request = requests.find((r) => contains(sender.node, r.node));
    if (!request) continue;
    for (const handler of functions) {
      if (handler === sender || handler.scope !== sender.scope || contains(handler.node, sender.node) || contains(sender.node, handler.node)) continue;
      if (!callsOf(sender.node, handler.name).length) continue;
      const again = callsOf(handler.node, sender.name).find((c) => TOOL_TEXT.test(handler.node.text.slice(0, c.startIndex - handler.node.startIndex)));
      if (!again || sites.loops.some((l) => l.line <= spanOf(handler.node).line && l.endLine >= spanOf(handler.node).endLine)) continue;
      const span = spanOf(handler.node);
      sites.addLoop({ id: `l${span.line}.${span.column}`, ...span, framework: 'hand-written', unbounded: true, callId: request.call.id, rule: 'callback-tool-loop' });
      request.call.usedBy ??= `l${span.line}.${span.column}`;
    }
  }
}

/** Calls of `name(…)` inside a function, its callbacks included (`onclose() { finish(); }`, `setTimeout(() => chatApi(…))`). */
function callsOf(fn: SyntaxNode, name: string): SyntaxNode[] {
  if (!fn.text.includes(`${name}(`)) return [];
  return fn.descendantsOfType('call_expression').filter((c): c is SyntaxNode => c?.childForFieldName('function')?.text === name);
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTIONS.test(p.type)) return p;
  return undefined;
}
