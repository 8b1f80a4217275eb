import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { catalog, file, REPOS, scan } from './fixture-scan';


describe('repository model: prompts revealed by their use in another file', () => {
  it('a pydantic schema sent with with_structured_output from another module is a prompt of its own file and part of the request input', async () => {
    const r = await scan('schema-elsewhere');
    const state = file(r, 'research/state.py');
    assert.deepEqual(
      state.prompts.map((p) => [p.line, p.kind]),
      [[4, 'tool-description']],
      'the schema is a prompt; the described settings class, never sent, is not',
    );
    const call = file(r, 'research/graph.py').calls.find((c) => c.line === 11);
    assert.ok(call, 'the ainvoke request');
    assert.deepEqual(call.loadedPrompts, [{ path: 'research/state.py', line: 4 }]);
    const dir = join(REPOS, 'schema-elsewhere');
    const alone = await analyzeText(readFileSync(join(dir, 'research', 'graph.py'), 'utf8'), 'research/graph.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS });
    const single = alone.calls.find((c) => c.line === 11)!;
    assert.ok(call.inputTokens > single.inputTokens + 20, `${call.inputTokens} counts the schema (alone: ${single.inputTokens})`);
  });

  it('the editor reports the revealed schema prompt as the scan does', async () => {
    const dir = join(REPOS, 'schema-elsewhere');
    const scanned = file(await scan('schema-elsewhere'), 'research/state.py');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'research', 'state.py'), 'utf8');
    const edited = await analyzeText(text, 'research/state.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.deepEqual(edited.prompts, scanned.prompts);
  });

  it('a YAML configuration the code names is reported with the templates under its prompt-named keys; a README read by setup.py is not a prompt', async () => {
    const r = await scan('loaded-config');
    const config = file(r, 'agent/config/default.yaml');
    assert.deepEqual(
      config.prompts.map((p) => [p.line, p.kind]),
      [
        [4, 'system'],
        [6, 'user-template'],
        [9, 'user-template'],
      ],
      'system, instance and next-step templates; model ids and file paths are not prompts',
    );
    assert.deepEqual(config.prompts[1].placeholders.map((p) => p.name).sort(), ['problem_statement', 'working_dir']);
    assert.equal(config.calls.length, 0);
    assert.equal(config.monthlyCost.kind === 'priced' ? config.monthlyCost.usd : NaN, 0, 'priced where it is sent, never on its own');
    const review = file(r, 'agent/prompts_md/review_prompt.md');
    assert.equal(review.prompts.length, 1);
    assert.ok(!r.files.some((f) => f.path === 'README.md'), 'a README read for long_description is not a prompt');
  });
});
