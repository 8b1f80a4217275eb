/**
 * Text parts written into a conversation by a function typed as producing or transforming model messages:
 * `function capAttachments(messages: UIMessage[]): UIMessage[]` replacing an old file part with
 * `{ type: 'text', text: \`[Attachment omitted from history: ${name}. Ask the user to re-attach it…]\` }`, a
 * `convertDataPart(part): TextPart` callback handed to `convertToModelMessages` returning
 * `{ type: 'text', text: \`[quoted-context ${nonce}]\n${text}\n[/quoted-context]\` }`, a factory returning a
 * `BaseMessageLike` whose content holds such a part. The SDK's message and part types say where the value goes:
 * the conversation the next request sends. The request itself is often in another module, so nothing in this file
 * sends the part; the signature is what ties it to the model.
 *
 * Only a part written in place with four words or more outside its values and tags counts (`{ type: 'text', text }`
 * re-wrapping a part's own text writes nothing), in a file that imports from an LLM SDK (so the type names are the
 * SDK's), in a function whose parameter or return annotation names a message or content-part type. A part built
 * for the page (an editor document, a UI stream event) has no such signature.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

/** Modules whose message types are the model's: the AI SDK, OpenAI, Anthropic, LangChain's messages, Google's SDKs. */
const SDK_MODULE = /^(ai|@ai-sdk\/[\w-]+|openai(\/[\w/.-]+)?|@anthropic-ai\/sdk(\/[\w/.-]+)?|@langchain\/core\/messages|@google\/genai|@google\/generative-ai)$/;
/** Message and content-part types of those SDKs, as written in a signature. */
const MESSAGE_TYPE = /\b(UIMessage|\w*ModelMessage|CoreMessage|Core\w+Message|TextPart|TextUIPart|UserContent|AssistantContent|ChatCompletion\w*Param|MessageParam|ContentBlockParam|TextBlockParam|BaseMessage|BaseMessageLike|HumanMessage|AIMessage|MessageContent\w*)\b/;
const MIN_WORDS = 4;
const WORD = /[A-Za-z]{2,}/g;
const TAG = /<\/?[A-Za-z][\w-]*(\s[^>]*)?>/g;
const NAMED_FUNCTION = /^(function_declaration|generator_function_declaration|method_definition)$/;
const INNER_FUNCTION = /^(arrow_function|function_expression|function)$/;

export function messagePartTexts(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'typescript' || ![...collected.imports.values()].some((m) => SDK_MODULE.test(m))) return;
  for (const container of collected.containers) {
    if (container.type !== 'object' || !/\btext\b/.test(container.text)) continue;
    const entries = syntax.entries(container);
    const text = entries?.get('text');
    let type = entries?.get('type');
    // `type: 'text' as const`
    if (type?.type === 'as_expression' && type.namedChildren[0]) type = type.namedChildren[0];
    if (!text || !type || syntax.stringConstant(type) !== 'text') continue;
    if (!syntax.isTextLiteral(text) || !written(syntax, text) || !typedAsMessages(container)) continue;
    sites.addPrompt(text, syntax.text(text), 'user-template', CONFIDENCE.key, 'text part written into the messages of a function typed with the SDK\'s message types');
  }
}

function written(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  return (render(syntax.text(node)).literalText.replace(TAG, ' ').match(WORD) ?? []).length >= MIN_WORDS;
}

/**
 * The function the part is written in (through callbacks such as `messages.map((m) => …)`) declares message types in
 * a parameter or its return type: each enclosing function up to the named one is asked.
 */
function typedAsMessages(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (NAMED_FUNCTION.test(n.type) || INNER_FUNCTION.test(n.type)) {
      const signature = [n.childForFieldName('parameters')?.text, n.childForFieldName('return_type')?.text].join(' ');
      if (MESSAGE_TYPE.test(signature)) return true;
      if (NAMED_FUNCTION.test(n.type) || (INNER_FUNCTION.test(n.type) && n.parent?.type === 'variable_declarator')) return false;
    }
    if (n.type === 'program' || n.type === 'class_body') return false;
  }
  return false;
}
