/**
 * TypeScript: a chat request posted to an address the file computes. A provider class of the application's own
 * (`class ChatGPTApi implements LLMApi`) builds the chat body and posts it to a path it assembles at run time:
 *
 *   requestPayload = { messages, stream: options.config.stream, model: modelConfig.model, … };
 *   const chatPayload = { method: 'POST', body: JSON.stringify(requestPayload), headers: getHeaders() };
 *   const res = await fetch(chatPath, chatPayload);          // chatPath = this.path(OpenaiPath.ChatPath)
 *   fetchEventSource(chatPath, { ...chatPayload, onmessage(msg) { … } });   // the streamed variant
 *
 * The address says nothing (`http-requests.ts` needs an endpoint's path in it); the body does: an object of the
 * function that carries a chat request's keys (`messages` with `model`, Gemini's `contents` with
 * `generationConfig`, or the spread of a payload parameter with the `tools` offered to the model). A literal path
 * on the page's own origin (`fetch('/api/chat', …)`) stays the app's server route, and a body without those keys
 * (a file upload, a settings save) is no request.
 */
import { endpointRule, type HttpRequest } from './http-requests';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const SENDERS = /^(fetch|fetchEventSource)$/;
const FUNCTIONS = /^(function_declaration|function_expression|function|arrow_function|method_definition|generator_function_declaration)$/;

/** The rule of a `fetch`/`fetchEventSource` posting a chat body to a computed address, or undefined. */
export function chatBodyPostOf(syntax: LanguageSyntax, node: SyntaxNode, callee: string): HttpRequest | undefined {
  if (syntax.language !== 'typescript' || !SENDERS.test(callee)) return undefined;
  const { positional } = syntax.args(node);
  const [url, options] = positional;
  if (!url || !options) return undefined;
  if (syntax.isTextLiteral(url) && /^\/(?!\/)/.test(syntax.text(url).parts.map((p) => (typeof p === 'string' ? p : '')).join(''))) return undefined;
  const entries = syntax.entries(options);
  if (!entries) return undefined;
  if (callee === 'fetch') {
    const method = entries.get('method');
    if (!method || !/post/i.test(syntax.stringConstant(method) ?? method.text)) return undefined;
  }
  const body = entries.get('body');
  if (!body) return undefined;
  const payload = chatBody(syntax, stringified(syntax, body) ?? body, node);
  return payload ? { rule: endpointRule('/chat/completions')!, payload } : undefined;
}

/** `JSON.stringify(x)` → `x`. */
function stringified(syntax: LanguageSyntax, body: SyntaxNode): SyntaxNode | undefined {
  const target = syntax.resolve(body);
  if (target.type !== 'call_expression' || !/(^|\.)stringify$/.test(syntax.callee(target))) return undefined;
  return syntax.args(target).positional[0];
}

/** The object the body is, when it carries a chat request's keys: written in place, declared, or assigned in the function. */
function chatBody(syntax: LanguageSyntax, value: SyntaxNode, at: SyntaxNode): SyntaxNode | undefined {
  for (const candidate of objectsOf(syntax, value, at)) if (isChatBody(syntax, candidate)) return candidate;
  return undefined;
}

function objectsOf(syntax: LanguageSyntax, value: SyntaxNode, at: SyntaxNode): SyntaxNode[] {
  const target = syntax.resolve(value);
  const out: SyntaxNode[] = target.type === 'object' ? [target] : [];
  if (value.type !== 'identifier') return out;
  // `let requestPayload: Payload;` then `requestPayload = { … }` in the branches of the same function (a name the
  // file declares in several methods may resolve to another method's object).
  const fn = enclosingFunction(at);
  if (!fn) return out;
  for (const a of fn.descendantsOfType('assignment_expression')) {
    const right = a?.childForFieldName('right');
    if (a?.childForFieldName('left')?.text === value.text && right?.type === 'object') out.push(right);
  }
  return out;
}

function isChatBody(syntax: LanguageSyntax, object: SyntaxNode): boolean {
  const keys = syntax.entries(object);
  if (!keys) return false;
  if (keys.has('messages') && keys.has('model')) return true;
  if (keys.has('contents') && keys.has('generationConfig')) return true;
  // `{ ...requestPayload, tools }`: a payload handed in, sent with the tools offered to the model.
  const spread = object.namedChildren.some((c) => c?.type === 'spread_element');
  return spread && (keys.has('tools') || keys.has('functions')) && object.namedChildren.length <= 4;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTIONS.test(p.type)) return p;
  return undefined;
}
