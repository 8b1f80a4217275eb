import * as assert from 'node:assert/strict';
import { getBundledCatalog } from '../../../src/core/catalog';
import { compareOfferings, withExtraRows } from '../../../src/core/compare/compare';
import { selfHostedCompareRows } from '../../../src/core/hardware';
import type { Workload } from '../../../src/core/workload';

const workload: Workload = {
  inputTokens: 2000,
  cachedInputTokens: 0,
  outputTokens: 500,
  reasoningTokens: 0,
  steps: 1,
  toolResultTokens: 0,
  caching: false,
  batch: false,
  callsPerDay: 1000,
};

describe('self-hosted rows for compare', () => {
  const catalog = getBundledCatalog();
  const api = compareOfferings(catalog, workload, { filter: { models: ['llama-3.3-70b'] } });
  const extra = selfHostedCompareRows(catalog, api);

  it('adds up to three configurations per open-weight model, marked self-hosted', () => {
    assert.ok(extra.rows.length >= 1 && extra.rows.length <= 3);
    for (const r of extra.rows) {
      assert.equal(r.kind, 'self-hosted');
      assert.equal(r.model, 'llama-3.3-70b');
      assert.match(r.id, /^self-hosted\/llama-3\.3-70b@\d+x[a-z0-9-]+\/[a-z0-9_]+$/);
    }
  });

  it('prices the month at the workload volume: never below the rent of the deployment it needs', () => {
    for (const r of extra.rows) {
      assert.equal(r.perUnit.kind, 'priced');
      assert.equal(r.monthly.kind, 'priced');
      const d = r.detail as { usdPerHour: number; atVolume: { deployments: number } };
      const rent = d.usdPerHour * 720 * d.atVolume.deployments;
      if (r.monthly.kind === 'priced') assert.ok(Math.abs(r.monthly.usd - rent) < 1e-6 * rent, `${r.id}: ${r.monthly.usd} vs rent ${rent}`);
      if (r.perUnit.kind === 'priced' && r.monthly.kind === 'priced') assert.ok(Math.abs(r.perUnit.usd * 1000 * 30 - r.monthly.usd) < 1e-6 * r.monthly.usd);
    }
  });

  it('merges through withExtraRows with a note', () => {
    const merged = withExtraRows(api, extra.rows, extra.note);
    assert.equal(merged.rows.length, api.rows.length + extra.rows.length);
    assert.equal(merged.selfHosted?.rowCount, extra.rows.length);
    assert.match(merged.selfHosted?.note ?? '', /rented 24\/7/);
  });
});
