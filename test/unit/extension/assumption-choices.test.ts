import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { WorkspaceRepository } from '../../../src/extension/core-api';
import { assumptionChoices, validateCount } from '../../../src/extension/commands/assumption-choices';
import { countMentions, mentionsInIndex, mentionsInReport, repositoryModels } from '../../../src/extension/commands/repository-models';
import { scanPaths } from '../../../src/node/scan';
import { analysed, CATALOG, ONE_CALL, UNBOUNDED_LOOP } from './analysed';

describe('extension/set an assumption (core-built reports)', () => {
  it('offers the site’s assumptions an annotation can set, with their values and sources, and the model', async () => {
    const loop = await analysed(UNBOUNDED_LOOP);
    assert.deepEqual(assumptionChoices(loop, 'l5.3').map((c) => [c.key, c.current, c.line]), [
      ['model', 'gpt-4.1 (default)', 5],
      ['steps', '3 (setting)', 5],
      ['output', '100 (setting)', 5],
      ['toolResult', '100 (setting)', 5],
      ['callsPerDay', '10 (setting)', 5],
    ]);
    const call = await analysed(ONE_CALL);
    assert.deepEqual(assumptionChoices(call, 'c7.10').map((c) => [c.key, c.current]), [['output', '60 (code)'], ['callsPerDay', '10 (setting)'], ['model', 'gpt-4o']]);
    assert.deepEqual(assumptionChoices(call, 'nope'), []);
  });

  it('offers the models the repository uses (config module, wrapper, loop), counted, with where; never an identifier or an assumed default', async () => {
    const app = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'app-workspace');
    const catalog = getBundledCatalog();
    const report = await scanPaths([app], { catalog, assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: app, cwd: app });
    const fromReport = repositoryModels(report.files.flatMap(mentionsInReport), catalog);
    assert.deepEqual(
      fromReport.map((m) => [m.id, m.sites]),
      // One site each: the planner's step call (its loop is not counted again), the wrapper (its caller passes the same model), the example, the test.
      [['gpt-4.1', 1], ['gpt-4.1-mini', 1], ['gpt-4o', 1], ['gpt-4o-mini', 1]],
    );
    assert.deepEqual(fromReport[0].at, { path: 'src/lib/models.ts', line: 3 });
    // The repository index (what the editor holds before any workspace scan) finds the same ids.
    const workspace = new WorkspaceRepository(app);
    const fromIndex = repositoryModels(mentionsInIndex(await workspace.index()), catalog);
    assert.deepEqual(fromIndex.map((m) => m.id).sort(), fromReport.map((m) => m.id).sort());
    // Identifiers and unknown names are never offered; a site priced on an assumed default adds nothing.
    const noise = ['model', 'gpt_4_1_mini', 'MODEL_NAME', 'settings.model', 'not-a-model-9'].map((model) => ({ model, path: 'x.py', line: 1 }));
    assert.deepEqual(repositoryModels(noise, catalog), []);
    const loop = await analysed(UNBOUNDED_LOOP);
    assert.deepEqual(mentionsInReport(loop), [], 'the loop is priced on the default model: not a model the repository names');
  });

  it('counted mentions (what a workspace scan sends the host) offer the same models, counts and places as every mention', () => {
    const catalog = getBundledCatalog();
    const mentions = [
      { model: 'gpt-4.1', path: 'b.py', line: 9 },
      { model: 'gpt-4.1', path: 'a.py', line: 30 },
      { model: 'gpt-4.1', path: 'a.py', line: 4 },
      { model: 'gpt-4o-mini', path: 'c.ts', line: 2 },
      { model: 'gpt-4.1', path: 'c.ts', line: 1 },
      { model: 'openai/gpt-4.1', path: '0.ts', line: 7 },
      { model: 'MODEL_NAME', path: 'a.py', line: 1 },
    ];
    const counted = countMentions(mentions);
    assert.deepEqual(counted.find((m) => m.model === 'gpt-4.1'), { model: 'gpt-4.1', path: 'a.py', line: 4, count: 4 });
    assert.equal(counted.length, 4);
    assert.deepEqual(repositoryModels(counted, catalog), repositoryModels(mentions, catalog));
    // Counting twice (the picker adds the scan's counted mentions to the file's own) keeps the counts.
    assert.deepEqual(repositoryModels(countMentions([...counted, ...mentions.slice(0, 2)]), catalog), repositoryModels([...mentions, ...mentions.slice(0, 2)], catalog));
  });

  it('accepts only positive whole numbers', () => {
    assert.equal(validateCount('800'), undefined);
    assert.ok(validateCount('0'));
    assert.ok(validateCount('12k'));
  });
});
