/**
 * zod schemas sent with a request: `tool({ inputSchema: z.object({ id: z.string().describe("…") }) })`,
 * `Output.array({ element: z.object(…) })`, `generateObject({ schema })`. The AI SDKs turn the schema into
 * the tool's or the output's JSON schema, so each `.describe("…")` text is read by the model.
 * A zod schema that is not handed to a call (form validation, a config parser) is left alone.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { LanguageSyntax } from './syntax';
import { literalLength } from './text';
import { calledTexts, nestedSchemas, pickedSchemas } from './tool-part-calls';

/** Keys whose value is a schema the SDK sends. */
const SCHEMA_KEYS = ['inputSchema', 'parameters', 'schema', 'outputSchema', 'input_schema', 'element'];

export function zodDescriptions(syntax: LanguageSyntax, container: SyntaxNode, entries: ReadonlyMap<string, SyntaxNode>, prompts: PromptReader): void {
  if (syntax.language !== 'typescript' || !(container.parent?.type === 'arguments' || isInlineTool(container))) return;
  for (const key of SCHEMA_KEYS) {
    const value = entries.get(key);
    if (!value) continue;
    zodSchemaDescriptions(syntax, value, key, prompts);
  }
}

/**
 * An inline tool of a request's tool map (AI SDK v4 `tools: { search: { description, parameters: z.object(…) } }`):
 * the tool object is the value of an entry of the object under a `tools` key, not an argument itself.
 */
function isInlineTool(container: SyntaxNode): boolean {
  const entry = container.parent;
  if (entry?.type !== 'pair' || entry.childForFieldName('value')?.id !== container.id) return false;
  const map = entry.parent;
  const holder = map?.type === 'object' ? map.parent : undefined;
  return holder?.type === 'pair' && holder.childForFieldName('key')?.text.replace(/['"]/g, '') === 'tools';
}

/** Each `.describe("…")` text of a zod schema (the value or the declaration it names) as a tool-description prompt. */
export function zodSchemaDescriptions(syntax: LanguageSyntax, value: SyntaxNode, key: string, prompts: PromptReader, depth = 0): void {
  // `inputSchema: schemaFor(model)` with the picker written here: each schema it returns (tool-part-calls.ts).
  const picked = depth < 2 ? pickedSchemas(syntax, value) : [];
  for (const p of picked) zodSchemaDescriptions(syntax, p, key, prompts, depth + 1);
  if (picked.length) return;
  const schema = syntax.resolve(value);
  // `todos: z.array(todoItemSchema)`: a schema of this file nested by name is sent inside this one.
  const nested = /^z\s*\./.test(schema.text) ? nestedSchemas(syntax, schema) : [];
  for (const call of [schema, ...nested].flatMap((s) => (s.text.includes('.describe') ? s.descendantsOfType('call_expression').slice(0, 400) : []))) {
    if (!call) continue;
    const callee = syntax.callee(call).replace(/\s+/g, '');
    if (!/\.describe$/.test(callee) || !/^z\./.test(callee)) continue;
    const arg = syntax.args(call).positional[0];
    // `.describe(typeDescription())` with the function written here: the texts it returns.
    for (const t of arg ? calledTexts(syntax, arg) : []) prompts.promptsFrom(t, 'tool-description', CONFIDENCE.tool, `schema description (${key}) returned by the function .describe() calls`);
    // `.describe(routeDescription)` with the text built in a local or constant first: the text it names.
    const described = arg ? describedText(syntax, arg) : undefined;
    if (!described) continue;
    const text = syntax.text(described);
    if (literalLength(text) < 8 || !text.parts.some((p) => typeof p === 'string' && /\S\s+\S/.test(p))) continue;
    prompts.promptsFrom(described, 'tool-description', CONFIDENCE.tool, `schema description (${key})`);
  }
}

/** The text a `.describe(…)` argument gives: written in place, or held by the variable it names. */
export function describedText(syntax: LanguageSyntax, arg: SyntaxNode): SyntaxNode | undefined {
  if (syntax.isTextLiteral(arg)) return arg;
  if (arg.type !== 'identifier') return undefined;
  const target = syntax.resolve(arg);
  return target.id !== arg.id && syntax.isTextLiteral(target) ? target : undefined;
}
