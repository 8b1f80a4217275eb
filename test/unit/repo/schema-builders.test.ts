/**
 * zod schemas built by the repository's schema-builder methods and sent through its own wrapper: the request's
 * `schema` key is followed to the builder (options-fields.ts), whose `.describe(…)` texts the model reads.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths, type ScanResult } from '../../../src/node/scan';
import { writeWorkspace } from './fixture-scan';

const WRAPPER = `import { generateObject } from 'ai';
import { openai } from '@ai-sdk/openai';
import type { ZodTypeAny } from 'zod';

export class StructuredModel {
  async run(options: { schema: ZodTypeAny; prompt: string }) {
    const { schema, prompt } = options;
    return generateObject({ model: openai('gpt-4o-mini'), schema, prompt });
  }
}
`;

const SCHEMAS = `import { z } from 'zod';

export class SchemaBook {
  planSchema(steps: number) {
    return z.object({
      kind: z.literal('plan-kind-marker'),
      goal: z.string().describe('The goal of the plan in one sentence, in the words of the user'),
      steps: z.array(z.string().describe('One concrete step the agent can take next')).max(steps),
    });
  }

  gradeSchema(strict: boolean) {
    switch (strict ? 'strict' : 'lenient') {
      case 'strict':
        return z.object({ pass: z.boolean().describe('Whether the answer meets every requirement of the rubric') });
      default:
        return z.object({ pass: z.boolean().describe('Whether the answer is mostly right, ignoring small slips') });
    }
  }

  signupSchema() {
    return z.object({ email: z.string().email().describe('The email address the person signs up with') });
  }
}
`;

const APP = `import { StructuredModel } from './wrapper';
import { SchemaBook } from './schemas';

const book = new SchemaBook();
const model = new StructuredModel();

export async function plan(task: string) {
  return model.run({ schema: book.planSchema(5), prompt: task });
}

export async function grade(answer: string) {
  const schema = book.gradeSchema(true);
  return model.run({ schema, prompt: answer });
}

export function validateSignup(body: unknown) {
  return book.signupSchema().parse(body);
}
`;

const workspace = (files: Record<string, string>): string => writeWorkspace(files, 'tokenomics-schema-builders-');

describe('repository model: zod schemas from a schema-builder method, sent through a wrapper', () => {
  let dir = '';
  let r: ScanResult;
  before(async () => {
    dir = workspace({ 'wrapper.ts': WRAPPER, 'schemas.ts': SCHEMAS, 'app.ts': APP });
    r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const schemaPrompts = (): { text: string; kind: string }[] => (r.files.find((f) => f.path === 'schemas.ts')?.prompts ?? []).map((p) => ({ text: p.preview, kind: p.kind }));

  it('the describe texts of a builder a request is given are tool-description prompts of the builder', () => {
    const got = schemaPrompts();
    for (const start of ['The goal of the plan', 'One concrete step', 'Whether the answer meets every', 'Whether the answer is mostly right']) {
      const p = got.find((x) => x.text.startsWith(start));
      assert.ok(p, `${start} (have ${got.map((x) => x.text.slice(0, 24)).join(' | ')})`);
      assert.equal(p.kind, 'tool-description');
    }
  });

  it('trap: a literal value of the schema and a schema only used to validate input are not prompts', () => {
    const got = schemaPrompts();
    assert.ok(!got.some((x) => x.text.includes('plan-kind-marker')));
    assert.ok(!got.some((x) => x.text.startsWith('The email address')));
  });
});
