/**
 * Tool definitions as the model sees them, so their tokens can be counted.
 *
 * OpenAI renders `tools` into the system prompt as a TypeScript-like namespace. OpenAI does not
 * document the format; the shape below is the one community tools reverse-engineered from billed
 * usage and match to within a few tokens (hmarr/openai-chat-tokens; the OpenAI cookbook's
 * "How to count tokens with tiktoken" gives per-function constants for the same purpose). Other
 * providers receive the JSON definitions (Anthropic `tools[].input_schema`, Gemini
 * `functionDeclarations`, chat templates of open models), so for them the JSON text is counted.
 */
import type { ToolParameterSchema, ToolSchema } from './types';

/** Accepts `{name, description, parameters}`, OpenAI's `{type:'function', function:{…}}` and Anthropic's `input_schema`. */
export function normalizeToolSchema(raw: unknown): ToolSchema | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const inner = typeof record.function === 'object' && record.function !== null ? (record.function as Record<string, unknown>) : record;
  if (typeof inner.name !== 'string' || inner.name.length === 0) return undefined;
  const parameters = (inner.parameters ?? inner.input_schema ?? inner.inputSchema) as ToolParameterSchema | undefined;
  return {
    name: inner.name,
    description: typeof inner.description === 'string' ? inner.description : undefined,
    parameters: typeof parameters === 'object' && parameters !== null ? parameters : undefined,
  };
}

/** OpenAI's namespace rendering of function tools. */
export function renderOpenAiToolNamespace(tools: readonly ToolSchema[]): string {
  const lines = ['# Tools', '', '## functions', '', 'namespace functions {', ''];
  for (const tool of tools) {
    if (tool.description) lines.push(...commentLines(tool.description, ''));
    const props = tool.parameters?.properties;
    if (props && Object.keys(props).length > 0) {
      lines.push(`type ${tool.name} = (_: {`);
      lines.push(...renderProperties(tool.parameters!, ''));
      lines.push('}) => any;');
    } else {
      lines.push(`type ${tool.name} = () => any;`);
    }
    lines.push('');
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}

/** The JSON other providers receive: name, description and the argument schema. */
export function renderToolsJson(tools: readonly ToolSchema[]): string {
  return JSON.stringify(
    tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters ?? { type: 'object' } })),
  );
}

function commentLines(text: string, indent: string): string[] {
  return text.split('\n').map((line) => `${indent}// ${line}`);
}

function renderProperties(schema: ToolParameterSchema, indent: string): string[] {
  const required = new Set(schema.required ?? []);
  const lines: string[] = [];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (prop?.description) lines.push(...commentLines(prop.description, indent));
    const optional = required.has(key) ? '' : '?';
    lines.push(`${indent}${key}${optional}: ${renderType(prop ?? {}, indent)},`);
  }
  return lines;
}

function renderType(schema: ToolParameterSchema, indent: string): string {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const type = schema.type;
  if (Array.isArray(type)) return type.map((t) => renderType({ ...schema, type: t }, indent)).join(' | ');
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return schema.items ? `${renderType(schema.items, indent)}[]` : 'any[]';
    case 'object':
      if (schema.properties && Object.keys(schema.properties).length > 0) {
        return ['{', ...renderProperties(schema, indent + '  '), `${indent}}`].join('\n');
      }
      return 'object';
    default:
      return 'any';
  }
}
