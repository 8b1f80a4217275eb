/**
 * Requests made on an SDK's model object or on a chat session it started. Google's SDKs bind the model first
 * and send later: `model = genai.GenerativeModel("gemini-…")` then `model.generate_content(…)`;
 * `genAI.getGenerativeModel({ model })` then `.startChat({ history })` then `chat.sendMessageStream(…)`;
 * google-genai's `client.chats.create(model=…)` then `chat.send_message(…)` (Vertex AI Node.js reference,
 * ChatSession: "instantiate this class by using the startChat method in the GenerativeModel class").
 *
 * The request takes the model of the binding it is made on. A `sendMessage` counts only when its receiver is
 * traced (through variables, `self.x`/`this.x` fields and `startChat`/`start_chat`) to such a binding in the
 * file: a `chat.sendMessage(…)` of a messaging library is not a model request.
 */
import type { CallInfo } from './call-links';
import { GOOGLE } from './call-rules';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import type { DetectedCall } from './types';

/** Requests on a model object or a chat session. */
const SEND = /\.(generateContent|generateContentStream|generate_content|generate_content_async|sendMessage|sendMessageStream|send_message|send_message_async|send_message_stream)$/;
/** Calls that start a chat session on a model object: the session sends on the model's behalf. */
const START_CHAT = /\.(startChat|start_chat)$/;
/** Frameworks whose bindings are SDK model objects (not LangChain chat models, whose requests are `invoke`). */
const SDK_BINDING_FRAMEWORKS = new Set(['google']);

export function findModelObjectRequests(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: CallInfo[], prompts: PromptReader): void {
  const bindings = new Map<number, CallInfo>();
  for (const c of calls) if (c.call.role === 'binding' && SDK_BINDING_FRAMEWORKS.has(c.call.framework)) bindings.set(c.node.id, c);
  if (!bindings.size) return;
  const sitesByNode = new Map<number, CallInfo>(calls.map((c) => [c.node.id, c]));
  const tracer = new BindingTracer(syntax, collected, bindings);
  for (const node of collected.calls) {
    const callee = syntax.callee(node);
    if (!SEND.test(callee)) continue;
    const receiver = syntax.receiver(node);
    const binding = receiver ? tracer.bindingOf(receiver) : undefined;
    if (!binding) continue;
    const existing = sitesByNode.get(node.id);
    if (existing) {
      adoptModel(existing.call, binding.call);
      continue;
    }
    const span = spanOf(node);
    const args = syntax.args(node);
    const message = args.positional[0] ?? args.named.get('message') ?? args.named.get('content') ?? args.named.get('contents');
    const sent = message ? prompts.promptsFrom(message, 'user-template', CONFIDENCE.position, `message of ${callee}`) : { ids: [], placeholders: [] };
    const call: Mutable<DetectedCall> = {
      id: `c${span.line}.${span.column}`,
      ...span,
      framework: binding.call.framework,
      callee,
      promptIds: [...new Set(sent.ids)],
      tools: binding.call.tools,
      agent: false,
      rule: 'model-object',
      inputPlaceholders: [...new Set(sent.placeholders)],
    };
    adoptModel(call, binding.call);
    if (!sites.addCall(call)) continue;
    const info: CallInfo = { node, rule: GOOGLE, call, args };
    calls.push(info);
    sitesByNode.set(node.id, info);
  }
}

/** A request without a model of its own takes its binding's (a model, or the reference the repository pass follows). */
function adoptModel(call: Mutable<DetectedCall>, binding: DetectedCall): void {
  call.bindingId = binding.id;
  if (call.model || call.modelRef) return;
  if (binding.model) call.model = binding.model;
  else if (binding.modelRef) call.modelRef = binding.modelRef;
  if (binding.modelOrigin) call.modelOrigin = binding.modelOrigin;
  if (binding.providerHint) call.providerHint = binding.providerHint;
  if (binding.alternatives?.length && !call.alternatives?.length) call.alternatives = binding.alternatives;
  if (call.maxOutputTokens === undefined && binding.maxOutputTokens !== undefined) call.maxOutputTokens = binding.maxOutputTokens;
}

class BindingTracer {
  constructor(
    private readonly syntax: LanguageSyntax,
    private readonly collected: Collected,
    private readonly bindings: ReadonlyMap<number, CallInfo>,
  ) {}

  /** The model binding an expression holds: `model`, `self.model`, `model.start_chat(…)`, `await x`. */
  bindingOf(node: SyntaxNode, depth = 0): CallInfo | undefined {
    if (depth > 6) return undefined;
    const n = unwrap(node);
    const direct = this.bindings.get(n.id);
    if (direct) return direct;
    if (n.type === 'call' || n.type === 'call_expression') {
      if (!START_CHAT.test(this.syntax.callee(n))) return undefined;
      const inner = this.syntax.receiver(n);
      return inner ? this.bindingOf(inner, depth + 1) : undefined;
    }
    if (n.type === 'identifier') {
      const target = this.syntax.resolve(n);
      return target.id !== n.id ? this.bindingOf(target, depth + 1) : undefined;
    }
    if (n.type === 'attribute' || n.type === 'member_expression') {
      // `self.chat = model.start_chat()` in `__init__`, used in another method: the field's assignments in the file.
      const field = this.syntax.name(n);
      if (!field) return undefined;
      for (const d of this.collected.declarations) {
        if (d.name !== field || d.isFunction || contains(d.value, n)) continue;
        const found = this.bindingOf(d.value, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 4 && ['parenthesized_expression', 'await', 'await_expression', 'non_null_expression', 'as_expression'].includes(n.type); i++) {
    const inner = n.namedChildren.find((c) => c && c.type !== 'comment' && !c.type.endsWith('type'));
    if (!inner) return n;
    n = inner;
  }
  return n;
}
