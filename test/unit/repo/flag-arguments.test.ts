/**
 * A helper whose ternary or `if` reads one of its own flag parameters (`pick(id, forReasoning = false)` →
 * `forReasoning ? reasoningModel : id`) takes, under a call, the branch that call's literal argument picks, and
 * the parameter's default where the call leaves it out (src/core/repo/conditions.ts `boundParam`).
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { ScanResult } from '../../../src/node/scan';
import { scanPaths } from '../../../src/node/scan';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { writeWorkspace } from './fixture-scan';

const HELPER = `import { openai } from '@ai-sdk/openai';

const PLANNER = 'o3-mini';

export const chatModel = (identifier: string, forPlanning: boolean = false) => {
  const id = forPlanning ? PLANNER : identifier;
  return openai(id);
};
`;

const APP = `import { generateText } from 'ai';
import { chatModel } from './lib/models';

export async function plan(goal: string) {
  return generateText({ model: chatModel('gpt-4o-mini', true), prompt: goal });
}

export async function reply(question: string) {
  return generateText({ model: chatModel('gpt-4o-mini', false), prompt: question });
}

export async function summary(text: string) {
  return generateText({ model: chatModel('gpt-4o-mini'), prompt: text });
}

export async function relay(text: string, flag: boolean) {
  return generateText({ model: chatModel('gpt-4o-mini', flag), prompt: text });
}
`;

const workspace = (files: Record<string, string>): string => writeWorkspace(files, 'tokenomics-flag-args-');

function modelIn(r: ScanResult, fn: string): string | undefined {
  const f = r.files.find((x) => x.path === 'app.ts');
  assert.ok(f, 'app.ts reported');
  const line = APP.split('\n').findIndex((l) => l.includes(`function ${fn}(`)) + 2;
  const call = f.calls.find((c) => c.line === line);
  assert.ok(call, `the call in ${fn} (have ${f.calls.map((c) => c.line).join(', ')})`);
  return call.modelResolved;
}

describe('repository model: a helper branching on a flag parameter', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("takes the branch each call's literal argument picks, the default where it is left out", async () => {
    dir = workspace({ 'lib/models.ts': HELPER, 'app.ts': APP });
    const r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
    assert.equal(modelIn(r, 'plan'), 'o3-mini', 'true: the planning branch');
    assert.equal(modelIn(r, 'reply'), 'gpt-4o-mini', 'false: the identifier passed');
    assert.equal(modelIn(r, 'summary'), 'gpt-4o-mini', 'omitted: the default false');
    // A flag the call forwards from its own unknown parameter decides nothing: the first branch that resolves, as before.
    assert.equal(modelIn(r, 'relay'), 'o3-mini');
  });
});
