import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths } from '../../../src/node/scan';

const APP = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'app-workspace');

describe('repository model: a provider factory of the Vercel AI SDK', () => {
  it('generateText({ model: openai(PLANNER_MODEL) }) follows the imported constant to the config module', async () => {
    const r = await scanPaths([APP], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: APP, cwd: APP });
    const planner = r.files.find((f) => f.path === 'src/agent/planner.ts')!;
    const call = planner.calls.find((c) => c.stepOf === planner.agentLoops[0].id)!;
    assert.equal(call.modelResolved, 'gpt-4.1');
    assert.deepEqual(call.modelSource?.at, { path: 'src/lib/models.ts', line: 3 }, JSON.stringify(call.modelSource));
    assert.equal(call.modelSource?.from, 'code');
  });
});
