import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import type { ScanResult } from '../../../src/node/scan';
import { catalog, file, REPOS, scan } from '../repo/fixture-scan';

describe('loops: TypeScript attributes typed by their field or constructor parameter property', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-ts-holders');
  });

  it('a for loop calling this.model.send(…) reaches the request of the class the attribute is typed as, bounded by a parameter property default', () => {
    const loops = file(r, 'src/agent.ts').agentLoops;
    assert.deepEqual(loops.map((l) => l.line), [17], 'the run loop only');
    const [run] = loops;
    assert.equal(run.bounded, true);
    assert.equal(run.maxSteps, 8, '`step < this.maxSteps` from 0, `private maxSteps = 8`');
    assert.deepEqual(run.stepSites, [{ path: 'src/model.ts', line: 9 }]);
    assert.ok(file(r, 'src/model.ts').calls.find((c) => c.line === 9)?.stepOf, 'the request is priced as the loop\'s step');
  });

  it('a polling loop calling send() of another typed class and a loop over data are not agent loops', () => {
    assert.ok(!file(r, 'src/agent.ts').agentLoops.some((l) => l.line === 27), 'keepAlive: Transport.send sends no model request');
    assert.ok(!file(r, 'src/agent.ts').agentLoops.some((l) => l.line === 34), 'notify: for…of over people');
    assert.equal(r.totals.agentLoops, 1);
  });

  it('the editor finds the same loop as the scan', async () => {
    const dir = join(REPOS, 'loops-ts-holders');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'src', 'agent.ts'), 'utf8');
    const edited = await analyzeText(text, 'src/agent.ts', 'typescript', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.deepEqual(edited.agentLoops, file(r, 'src/agent.ts').agentLoops);
  });
});
