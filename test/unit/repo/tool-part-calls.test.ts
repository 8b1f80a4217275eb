import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

const lines = (r: Awaited<ReturnType<typeof scanTree>>, path: string): number[] => file(r, path).prompts.map((p) => p.line);

describe('tool texts given by a call: a description getter, a schema picker, a nested schema (tool-part-calls)', () => {
  it('an imported description getter and an imported schema picker: the returned texts and both picked schemas are prompts', async () => {
    const r = await scanTree({
      'lib/describe.ts': [
        'export function lookupToolDescription(): string {',
        '  if (process.env.PREMIUM_KEY) {',
        "    return 'Look up a record in the premium catalogue, with prices and stock levels.'",
        '  }',
        "  return 'Look up a record in the public catalogue by its title or its code.'",
        '}',
        'export function codeFieldDescription(): string {',
        "  return 'The catalogue code of the record, as printed on its label.'",
        '}',
        '',
      ].join('\n'),
      'lib/schemas.ts': [
        "import { z } from 'zod'",
        "import { codeFieldDescription } from './describe'",
        'export const lookupSchema = z.object({',
        "  code: z.string().describe(codeFieldDescription()),",
        "  title: z.string().describe('The title of the record to look up'),",
        '})',
        'export const strictLookupSchema = z.object({',
        "  code: z.string().describe('The code of the record, never empty'),",
        '})',
        'export function lookupSchemaFor(model: string) {',
        "  if (model.startsWith('o')) {",
        '    return strictLookupSchema',
        '  }',
        '  return lookupSchema',
        '}',
        '',
      ].join('\n'),
      'lib/agent.ts': [
        "import { generateText, tool } from 'ai'",
        "import { openai } from '@ai-sdk/openai'",
        "import { lookupToolDescription } from './describe'",
        "import { lookupSchemaFor } from './schemas'",
        'export async function answer(question: string, model: string) {',
        '  const lookup = tool({',
        '    description: lookupToolDescription(),',
        '    inputSchema: lookupSchemaFor(model),',
        '    execute: async ({ code }) => ({ code }),',
        '  })',
        "  return generateText({ model: openai('gpt-4o'), prompt: question, tools: { lookup } })",
        '}',
        '',
      ].join('\n'),
    });
    const described = lines(r, 'lib/describe.ts');
    assert.ok(described.includes(3) && described.includes(5), `both branches of the description getter (got ${described.join(', ')})`);
    assert.ok(described.includes(8), 'the field description a sent schema calls for');
    const schemas = lines(r, 'lib/schemas.ts');
    assert.ok(schemas.includes(3) && schemas.includes(7), `both schemas the picker returns (got ${schemas.join(', ')})`);
  });

  it('a getter called for a toast description, and a getter whose schema nothing sends, are not prompts (trap)', async () => {
    const r = await scanTree({
      'lib/texts.ts': [
        'export function savedMessage(): string {',
        "  return 'Your settings were saved and will apply on the next reload.'",
        '}',
        'export function nameFieldDescription(): string {',
        "  return 'The display name shown next to your comments on the page.'",
        '}',
        '',
      ].join('\n'),
      'lib/forms.ts': [
        "import { z } from 'zod'",
        "import { nameFieldDescription } from './texts'",
        'export const profileForm = z.object({',
        '  name: z.string().describe(nameFieldDescription()),',
        '})',
        '',
      ].join('\n'),
      'lib/ui.ts': [
        "import { toast } from './toast'",
        "import { savedMessage } from './texts'",
        'export function onSaved() {',
        "  toast({ title: 'Saved', description: savedMessage() })",
        '}',
        '',
      ].join('\n'),
    });
    assert.equal(r.files.find((f) => f.path === 'lib/texts.ts')?.prompts.length ?? 0, 0);
  });

  it('in one file: a local description getter, a local picker and a schema nested by name are read in place', async () => {
    const r = await scanTree({
      'lib/todo.ts': [
        "import { streamText, tool } from 'ai'",
        "import { z } from 'zod'",
        'const itemSchema = z.object({',
        "  title: z.string().describe('What the task is about, in a few words'),",
        '})',
        'const listSchema = z.object({',
        "  items: z.array(itemSchema).describe('Every task of the plan, in order'),",
        '})',
        'function todoDescription() {',
        "  return process.env.SHORT ? 'Write the plan as a short list of tasks.' : 'Write the whole plan as a list of tasks to track progress.'",
        '}',
        'function schemaFor(strict: boolean) {',
        '  return strict ? listSchema : listSchema',
        '}',
        'export function run(prompt: string, strict: boolean) {',
        '  const todo = tool({ description: todoDescription(), inputSchema: schemaFor(strict), execute: async () => ({}) })',
        "  return streamText({ model: 'openai/gpt-4o', prompt, tools: { todo } })",
        '}',
        '',
      ].join('\n'),
    });
    const got = lines(r, 'lib/todo.ts');
    assert.ok(got.includes(4), `the nested item schema's description (got ${got.join(', ')})`);
    assert.ok(got.includes(7), 'the outer schema, through the picker');
    assert.ok(got.includes(10), 'the local getter\'s returned texts');
  });

  it('a zod schema that names a form schema it does not nest (a callee) adds nothing: z.string() is no nested schema (trap)', async () => {
    const r = await scanTree({
      'lib/form.ts': [
        "import { z } from 'zod'",
        'const emailField = z.string().email()',
        "const signup = z.object({ email: emailField.describe('Where we send the confirmation link') })",
        'export function validate(data: unknown) {',
        '  return signup.parse(data)',
        '}',
        '',
      ].join('\n'),
    });
    assert.equal(r.files.find((f) => f.path === 'lib/form.ts')?.prompts.length ?? 0, 0);
  });
});
