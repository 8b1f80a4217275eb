/**
 * A route that looks the client's key up in a list of options and sends one of the option's fields
 * (`models.find((m) => m.id === modelId)` then `openai(model.apiIdentifier)`): the UI's default key picks the
 * option and its field is the model (src/core/repo/client-picks.ts). `modelId` is matched to the UI default that
 * says no more than the field (DEFAULT_MODEL_NAME, not DEFAULT_REASONING_MODEL_NAME: ui-defaults.ts).
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { ScanResult } from '../../../src/node/scan';
import { scanPaths } from '../../../src/node/scan';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { writeWorkspace } from './fixture-scan';

const OPTIONS = `export const models = [
  { id: 'gpt-4o', label: 'Standard', apiIdentifier: 'gpt-4.1' },
  { id: 'gpt-4o-mini', label: 'Small', apiIdentifier: 'gpt-4.1-nano' },
];
export const reasoningModels = [
  { id: 'o1', label: 'Deep', apiIdentifier: 'o3-mini' },
];
export const DEFAULT_MODEL_NAME = 'gpt-4o';
export const DEFAULT_REASONING_MODEL_NAME = 'o1';
`;

const ROUTE = `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { models, reasoningModels } from '../lib/models';

export async function POST(request: Request) {
  const { modelId, reasoningModelId, prompt } = await request.json();
  const model = models.find((m) => m.id === modelId);
  const reasoning = reasoningModels.find((m) => reasoningModelId === m.id);
  const fixed = models.find((m) => m.id === 'gpt-4o-mini');
  const prefixed = models.find((m) => m.id.startsWith(modelId));
  const a = await generateText({ model: openai(model!.apiIdentifier), prompt });
  const b = await generateText({ model: openai(reasoning!.apiIdentifier), prompt });
  const c = await generateText({ model: openai(fixed!.apiIdentifier), prompt });
  const d = await generateText({ model: openai(prefixed!.apiIdentifier), prompt });
  return Response.json({ a, b, c, d });
}
`;

const workspace = (files: Record<string, string>): string => writeWorkspace(files, 'tokenomics-client-picks-');

function modelOn(r: ScanResult, text: string): string | undefined {
  const f = r.files.find((x) => x.path === 'app/route.ts');
  assert.ok(f, 'app/route.ts reported');
  const line = ROUTE.split('\n').findIndex((l) => l.includes(text)) + 1;
  const call = f.calls.find((c) => c.line === line);
  assert.ok(call, `the call at line ${line} (have ${f.calls.map((c) => c.line).join(', ')})`);
  return call.modelResolved;
}

describe('repository model: an option the client picks by key', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("sends the field of the option the UI default's key picks; a literal key picks at once", async () => {
    dir = workspace({ 'lib/models.ts': OPTIONS, 'app/route.ts': ROUTE });
    const r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
    assert.equal(modelOn(r, 'const a ='), 'gpt-4.1', "DEFAULT_MODEL_NAME 'gpt-4o' picks the option sending gpt-4.1");
    assert.equal(modelOn(r, 'const b ='), 'o3-mini', "DEFAULT_REASONING_MODEL_NAME 'o1' picks the option sending o3-mini");
    assert.equal(modelOn(r, 'const c ='), 'gpt-4.1-nano');
    // A predicate other than key equality is not read: no option of the list is taken (the first would send gpt-4.1-nano
    // for the key 'gpt-4o-mini'; what is left is the provider's assumed default).
    assert.notEqual(modelOn(r, 'const d ='), 'gpt-4.1-nano');
  });
});
