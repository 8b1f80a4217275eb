import * as assert from 'node:assert/strict';
import { assumptionChoices, modelChoices, validateCount } from '../../../src/extension/commands/assumption-choices';
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

  it('lists the file’s models before the catalog’s, once each; accepts only positive whole numbers', async () => {
    const ids = modelChoices(await analysed(ONE_CALL), CATALOG.models.map((m) => m.id));
    assert.equal(ids[0], 'gpt-4o');
    assert.equal(ids.filter((m) => m === 'gpt-4o').length, 1);
    assert.equal(validateCount('800'), undefined);
    assert.ok(validateCount('0'));
    assert.ok(validateCount('12k'));
  });
});
