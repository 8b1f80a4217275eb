/**
 * TypeScript tool and action definitions written as plain objects rather than passed to an SDK call:
 * `const searchAction: Action = { name: 'web_search', schema: z.object({…}), getToolDescription: () => '…',
 * getDescription: () => LONG_DESCRIPTION, execute: … }`. A registry hands each one to the model as a tool
 * (name, description, the schema's JSON), and often puts its longer description into the system prompt:
 * the description texts (written in place, behind a getter, or in a constant the getter returns) and the
 * schema's `.describe("…")` texts are prompts.
 *
 * Only an object with a name, a zod schema and a description key counts: a CLI command table or a form
 * (a name and a description, no zod schema; or a zod schema with no description) is not a tool.
 *
 * And `llmContext: \`…\``-style keys: a text an object carries under a name that says it is given to the model.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, isFunctionLike, type PromptReader } from './prompt-reader';
import type { LanguageSyntax } from './syntax';
import { literalLength } from './text';
import { zodSchemaDescriptions } from './zod-prompts';

const SCHEMA_KEYS = ['schema', 'inputSchema', 'parameters', 'input_schema', 'argsSchema'];
/** `description`, `toolDescription`, `getDescription`, `getToolDescription`, `get_description`. */
const DESCRIPTION_KEY = /^(get_?)?(tool_?)?description$/i;
/** Keys whose name says the text is for the model: `llmContext`, `modelInput`, `llm_context`, `aiContext`. */
const MODEL_TEXT_KEY = /^(llm|model|ai)_?(context|input|text|content|message)$/i;
/** Shortest description text taken from behind a getter. */
const MIN_DESCRIPTION = 20;

export function toolObjectPrompts(syntax: LanguageSyntax, container: SyntaxNode, entries: ReadonlyMap<string, SyntaxNode>, prompts: PromptReader): void {
  if (syntax.language !== 'typescript') return;
  modelTextKeys(syntax, entries, prompts);
  if (container.parent?.type === 'arguments') return; // an SDK call's argument: zod-prompts.ts and the tool rules read it
  const name = entries.get('name');
  if (!name || syntax.stringConstant(name) === undefined) return;
  const schemaKey = SCHEMA_KEYS.find((k) => entries.has(k) && isZod(syntax, entries.get(k)!));
  const descriptions = [...entries].filter(([k]) => DESCRIPTION_KEY.test(k));
  if (!schemaKey || !descriptions.length) return;
  for (const [key, value] of descriptions) {
    for (const text of describedTexts(syntax, value)) prompts.promptsFrom(text, 'tool-description', CONFIDENCE.tool, `tool description (${key})`);
  }
  zodSchemaDescriptions(syntax, entries.get(schemaKey)!, schemaKey, prompts);
}

function isZod(syntax: LanguageSyntax, value: SyntaxNode): boolean {
  return /^z\s*\./.test(syntax.resolve(value).text);
}

/** The texts a description value gives: written in place, or returned by a getter (directly or through a constant of the file). */
function describedTexts(syntax: LanguageSyntax, value: SyntaxNode): SyntaxNode[] {
  const target = syntax.resolve(value);
  const candidates = isFunctionLike(target) ? syntax.returns(target).slice(0, 6) : [value];
  return candidates.filter((c) => {
    const text = syntax.resolve(c);
    return syntax.isTextLiteral(text) && literalLength(syntax.text(text)) >= MIN_DESCRIPTION;
  });
}

function modelTextKeys(syntax: LanguageSyntax, entries: ReadonlyMap<string, SyntaxNode>, prompts: PromptReader): void {
  for (const [key, value] of entries) {
    if (!MODEL_TEXT_KEY.test(key)) continue;
    const target = syntax.resolve(value);
    if (!syntax.isTextLiteral(target)) continue;
    // Written words around the values it carries (not a bare `${data}`, nor a fixed error text like 'Failed to fetch').
    const text = syntax.text(target);
    if (!text.parts.some((p) => typeof p !== 'string') || !text.parts.some((p) => typeof p === 'string' && /[A-Za-z]{2,}\s+\S/.test(p))) continue;
    prompts.promptsFrom(value, 'other', CONFIDENCE.key, `${key} property`);
  }
}
