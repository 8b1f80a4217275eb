import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveModel } from '../../../src/core/catalog';
import type { CallReport } from '../../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { scanPaths, type ScanResult } from '../../../src/node/scan';
import { catalog, file, REPOS, scan } from './fixture-scan';


function onlyCall(r: ScanResult, path: string): CallReport {
  const calls = file(r, path).calls;
  assert.equal(calls.length, 1, `one call in ${path}`);
  return calls[0];
}

describe('repository model: models followed across files', () => {
  it('a model returned by a one-line helper of another module', async () => {
    const c = onlyCall(await scan('helper-model'), 'app/agent.py');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.equal(c.modelSource?.from, 'code');
    assert.deepEqual(c.modelSource?.at, { path: 'app/models.py', line: 2 });
  });

  it('an Anthropic or Google call whose model is a parameter falls back to that vendor, never to OpenAI', async () => {
    const r = await scan('vendor-default');
    const claude = onlyCall(r, 'anthropic_client.py');
    assert.equal(claude.modelResolved, DEFAULT_ASSUMPTIONS.defaultModels!.anthropic);
    assert.equal(claude.modelSource?.from, 'vendor-default');
    const gemini = onlyCall(r, 'gemini_client.py');
    assert.equal(gemini.modelResolved, DEFAULT_ASSUMPTIONS.defaultModels!.google);
    assert.equal(gemini.modelSource?.from, 'vendor-default');
  });

  it('the fallback is the setting of that vendor (tokenomics.defaultModels)', async () => {
    const dir = join(REPOS, 'vendor-default');
    const assumptions = { ...DEFAULT_ASSUMPTIONS, defaultModels: { ...DEFAULT_ASSUMPTIONS.defaultModels, anthropic: 'claude-haiku-4-5' } };
    const r = await scanPaths([dir], { catalog, assumptions, resolveModel, root: dir });
    assert.equal(onlyCall(r, 'anthropic_client.py').modelResolved, 'claude-haiku-4-5');
  });

  it('the default of os.getenv, through an imported constant', async () => {
    const c = onlyCall(await scan('env-default'), 'main.py');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.equal(c.modelSource?.from, 'env-default');
    assert.deepEqual(c.modelSource?.at, { path: 'settings.py', line: 3 });
  });

  it('a pydantic settings-class default', async () => {
    const c = onlyCall(await scan('settings-class'), 'service.py');
    assert.equal(c.modelResolved, 'claude-haiku-4-5');
    assert.equal(c.modelSource?.from, 'config');
    assert.deepEqual(c.modelSource?.at, { path: 'config.py', line: 5 });
  });

  it('a pydantic Field default reached through a classmethod building the configuration (cls(**values))', async () => {
    const c = onlyCall(await scan('settings-class'), 'research.py');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.equal(c.modelSource?.from, 'config');
    assert.deepEqual(c.modelSource?.at, { path: 'research.py', line: 9 });
  });

  it('a key of a YAML config file the code loads', async () => {
    const c = onlyCall(await scan('yaml-config'), 'app.py');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.equal(c.modelSource?.from, 'config');
    assert.deepEqual(c.modelSource?.at, { path: 'config.yaml', line: 4 });
  });

  it('a TypeScript path alias (tsconfig paths) and process.env ?? default', async () => {
    const c = onlyCall(await scan('ts-imported-prompt'), 'src/review.ts');
    assert.equal(c.modelResolved, 'gpt-4o-mini');
    assert.equal(c.modelSource?.from, 'env-default');
    assert.equal(c.modelSource?.at?.path, 'src/lib/config.ts');
  });
});

describe('repository model: wrappers, loops and loaded prompts', () => {
  it('a wrapper with two callers is one site with two uses, each with the model it passes', async () => {
    const r = await scan('wrapper-uses');
    const site = onlyCall(r, 'llm.py');
    assert.deepEqual(
      site.uses?.map((u) => [u.path, u.line, u.via, u.model]),
      [
        ['summarize.py', 5, 'call_model', 'gpt-4o-mini'],
        ['translate.py', 5, 'call_model', 'gpt-4o'],
      ],
    );
    assert.equal(r.totals.calls, 1, 'the callers are not sites of their own');
  });

  it('a while loop reaching the model through a method of another class in another file, bounded by a step parameter default', async () => {
    const r = await scan('agent-loop-steps');
    const loops = file(r, 'agent/default.py').agentLoops;
    assert.equal(loops.length, 1);
    const loop = loops[0];
    assert.equal(loop.line, 18);
    assert.equal(loop.maxSteps, 30);
    assert.equal(loop.bounded, true);
    assert.equal(loop.boundKind, 'parameter');
    assert.deepEqual(loop.boundAt, { path: 'agent/default.py', line: 5 });
    assert.deepEqual(loop.stepSites, [{ path: 'agent/model.py', line: 9 }]);
    assert.equal(loop.model, 'gpt-4o');
    const step = onlyCall(r, 'agent/model.py');
    assert.ok(step.stepOf, 'the request is priced as a step of the loop, not again on its own');
    assert.equal(r.totals.agentLoops, 1);
  });

  it('a loop bounded by a cost limit: steps are what the limit buys at the priced cost per step', async () => {
    const r = await scan('agent-loop-cost');
    const loop = file(r, 'agent/runner.py').agentLoops[0];
    assert.ok(loop, 'loop found');
    assert.equal(loop.boundKind, 'cost-limit');
    assert.equal(loop.bounded, true);
    const step = onlyCall(r, 'agent/models.py');
    assert.equal(step.costPerCall.kind, 'priced');
    const perStep = step.costPerCall.kind === 'priced' ? step.costPerCall.usd : NaN;
    assert.equal(loop.maxSteps, Math.floor(3.0 / perStep));
  });

  it('a Markdown system prompt read with Path(...).read_text() is linked to the call and counted in its input', async () => {
    const r = await scan('loaded-prompt');
    const c = onlyCall(r, 'agent.py');
    assert.deepEqual(c.loadedPrompts, [{ path: 'system_prompt.md', line: 1 }]);
    const without = await analyzeText(readFileSync(join(REPOS, 'loaded-prompt', 'agent.py'), 'utf8'), 'agent.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS });
    assert.ok(c.inputTokens > without.calls[0].inputTokens + 50, `${c.inputTokens} counts the file (alone: ${without.calls[0].inputTokens})`);
  });
});

describe('repository model: loop bounds named by configuration', () => {
  it('a LangGraph cycle whose router compares a counter with a config default is bounded by that default, followed across files', async () => {
    const r = await scan('graph-config-bound');
    const loops = file(r, 'graph.py').agentLoops;
    assert.equal(loops.length, 1);
    // `loop_count <= max_research_loops` with the default 3 lets the research node run 3 + 1 times.
    assert.equal(loops[0].maxSteps, 4);
    assert.equal(loops[0].stepsFrom, 'code');
    assert.equal(loops[0].boundKind, 'counter');
    assert.deepEqual(loops[0].boundAt, { path: 'configuration.py', line: 7 });
  });
});

describe('repository model: editor and scan agree', () => {
  it('an imported prompt constant and an aliased model resolve the same in the editor as in the scan', async () => {
    const dir = join(REPOS, 'ts-imported-prompt');
    const scanned = file(await scan('ts-imported-prompt'), 'src/review.ts');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'src', 'review.ts'), 'utf8');
    const edited = await analyzeText(text, 'src/review.ts', 'typescript', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.deepEqual(edited.calls, scanned.calls);
    assert.ok(scanned.calls[0].assumed.some((a) => a.includes('imported from ./lib/prompts')), scanned.calls[0].assumed.join('; '));
    const alone = await analyzeText(text, 'src/review.ts', 'typescript', { catalog, assumptions: DEFAULT_ASSUMPTIONS });
    assert.ok(alone.calls[0].assumed.some((a) => a.startsWith('input REVIEW_PROMPT:')), 'without the index the prompt is a placeholder');
  });

  it('the editor index built in worker threads answers as the one built on the calling thread', async () => {
    const dir = join(REPOS, 'ts-imported-prompt');
    const text = readFileSync(join(dir, 'src', 'review.ts'), 'utf8');
    const reports = [];
    for (const options of [{ jobs: 0 }, { jobs: 2, minFilesForWorkers: 0 }]) {
      const workspace = new WorkspaceRepository(dir, options);
      await workspace.index();
      reports.push(await analyzeText(text, 'src/review.ts', 'typescript', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace));
    }
    assert.deepEqual(reports[1].calls, reports[0].calls);
    assert.ok(reports[1].calls[0].assumed.some((a) => a.includes('imported from ./lib/prompts')), 'the worker-built index found the imported prompt');
  });

  it('an edit to another file is seen by the next analysis', async () => {
    const dir = join(REPOS, 'helper-model');
    const workspace = new WorkspaceRepository(dir);
    const index = await workspace.index();
    const { detectFile } = await import('../../../src/core/detect/index.js');
    index.update(await detectFile('def get_model_name():\n    return "gpt-4.1-mini"\n', 'app/models.py'));
    const text = readFileSync(join(dir, 'app', 'agent.py'), 'utf8');
    const report = await analyzeText(text, 'app/agent.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.equal(report.calls[0].modelResolved, 'gpt-4.1-mini');
  });
});
