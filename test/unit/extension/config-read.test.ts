import * as assert from 'node:assert/strict';
import { collectRaw, overlay, type InspectedValue } from '../../../src/extension/config-read';

const inspected: Record<string, InspectedValue> = {
  defaultModel: { defaultValue: 'gpt-4.1', globalValue: 'gpt-4o', workspaceValue: 'claude-sonnet-4-5' },
  outputTokens: { defaultValue: 500 },
  customModels: { defaultValue: [], globalValue: [{ id: 'mine' }], workspaceValue: [{ id: 'evil' }] },
  priceOverrides: { defaultValue: [], workspaceFolderValue: [{ model: 'gpt-4o', input: 0 }] },
};

describe('extension/config reading', () => {
  it('takes folder over workspace over user values, and leaves defaults to normalizeConfig', () => {
    const { raw, ignored } = collectRaw(Object.keys(inspected), (k) => inspected[k], true);
    assert.deepEqual(raw, {
      defaultModel: 'claude-sonnet-4-5',
      customModels: [{ id: 'evil' }],
      priceOverrides: [{ model: 'gpt-4o', input: 0 }],
    });
    assert.deepEqual(ignored, []);
  });

  it('in an untrusted workspace keeps only the user value of restricted settings and names what it ignored', () => {
    const { raw, ignored } = collectRaw(Object.keys(inspected), (k) => inspected[k], false);
    assert.deepEqual(raw, { defaultModel: 'claude-sonnet-4-5', customModels: [{ id: 'mine' }] });
    assert.deepEqual(ignored, ['customModels', 'priceOverrides']);
  });

  it('overlays tokenomics.json: objects merged, lists concatenated, the rest replaced', () => {
    const merged = overlay(
      { defaultModel: 'gpt-4o', budgets: { perCallUsd: 0.01 }, customModels: [{ id: 'a' }] },
      { defaultModel: 'gpt-4.1', budgets: { monthlyUsd: 500 }, customModels: [{ id: 'b' }] },
    );
    assert.deepEqual(merged, { defaultModel: 'gpt-4.1', budgets: { perCallUsd: 0.01, monthlyUsd: 500 }, customModels: [{ id: 'a' }, { id: 'b' }] });
  });
});
