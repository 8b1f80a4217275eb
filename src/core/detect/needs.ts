/**
 * What a request needs of a model, read from its code, so that alternatives can be filtered by
 * capability: tools attached, a structured-output schema, images in its messages, reasoning options.
 */
import type { SiteNeeds } from '../report/types';
import type { SyntaxNode } from './parser';
import type { CallArgs, LanguageSyntax } from './syntax';

const STRUCTURED_KEYS = ['response_format', 'responseFormat', 'output_type', 'outputType', 'response_schema', 'responseSchema', 'response_mime_type', 'responseMimeType', 'schema', 'text_format', 'output_schema', 'outputSchema', 'experimental_output'];
const REASONING_KEYS = ['reasoning_effort', 'reasoningEffort', 'reasoning', 'thinking', 'thinking_config', 'thinkingConfig', 'thinking_budget', 'thinkingBudget', 'budget_tokens', 'budgetTokens'];
/** Image parts in OpenAI, Anthropic, Google and Vercel AI SDK messages. */
const IMAGE = /["'`]?(image_url|input_image)["'`]?|type\s*[:=]\s*["'`]image["'`]|inline_data|inlineData|\bimage\s*:\s*\w|ImagePart|image_file|detail\s*[:=]\s*["'`](low|high|auto)/;

/** Structured output by construction: `generateObject`, `.parse(…)` with a schema, `messages.parse`. */
const STRUCTURED_CALLEE = /(^|\.)(generateObject|streamObject|parse)$/;

export function needsOf(syntax: LanguageSyntax, node: SyntaxNode, callee: string, args: CallArgs, option: (key: string) => SyntaxNode | undefined, hasTools: boolean): SiteNeeds | undefined {
  const needs: { tools?: boolean; structuredOutput?: boolean; vision?: boolean; reasoning?: boolean } = {};
  if (hasTools) needs.tools = true;
  if (STRUCTURED_CALLEE.test(callee) || STRUCTURED_KEYS.some((k) => option(k) !== undefined && !isNone(option(k)!))) needs.structuredOutput = true;
  // OpenAI Responses: `text={"format": {...}}`.
  const text = option('text');
  if (text && syntax.entries(text)?.has('format')) needs.structuredOutput = true;
  if (REASONING_KEYS.some((k) => option(k) !== undefined && !isNone(option(k)!))) needs.reasoning = true;
  if (IMAGE.test(argumentText(syntax, node, args))) needs.vision = true;
  return Object.keys(needs).length ? needs : undefined;
}

function isNone(n: SyntaxNode): boolean {
  return /^(None|null|undefined|false|False)$/.test(n.text);
}

/** The call's arguments and the values its named arguments refer to in this file (one level). */
function argumentText(syntax: LanguageSyntax, node: SyntaxNode, args: CallArgs): string {
  const parts = [node.childForFieldName('arguments')?.text ?? ''];
  for (const v of [...args.positional, ...args.named.values()]) {
    const target = syntax.resolve(v);
    if (target.id !== v.id && target.text.length < 20_000) parts.push(target.text);
  }
  return parts.join('\n');
}
