/**
 * The Compare page's filtering with the larger catalog: search by model or offering id, the
 * capability filter's "Show all", and saved UI state restored safely. Rows are built by the core
 * (`compareOfferings` with a site's needs, every offering marked), never hand-written.
 */
import * as assert from 'node:assert/strict';
import { getBundledCatalog } from '../../../src/core/catalog';
import { compareOfferings } from '../../../src/core/compare';
import type { Workload } from '../../../src/core/workload';
import { cannotDoJob, DEFAULT_UI, filterRows, normalizeUi } from '../../../src/webview/compare/view-model';

const CALL: Workload = { inputTokens: 2_000, cachedInputTokens: 0, outputTokens: 300, reasoningTokens: 0, steps: 1, toolResultTokens: 0, caching: false, batch: false, callsPerDay: 100 };

describe('webview compare: filters over ~1,500 offerings', () => {
  const rows = compareOfferings(getBundledCatalog(), CALL, { needs: { tools: true }, showAll: true }).rows;

  it('by default hides the offerings that cannot do the site\'s job; "Show all" brings them back', () => {
    const unable = rows.filter(cannotDoJob);
    assert.ok(unable.length > 100 && unable.length < rows.length, `${unable.length} of ${rows.length}`);
    assert.equal(filterRows(rows, DEFAULT_UI).length, rows.length - unable.length);
    assert.ok(filterRows(rows, DEFAULT_UI).every((r) => r.capability?.verdict === 'can'));
    assert.equal(filterRows(rows, { ...DEFAULT_UI, showAll: true }).length, rows.length);
  });

  it('search narrows by model or offering id, case-insensitively, with the provider filter', () => {
    const found = filterRows(rows, { ...DEFAULT_UI, search: 'CLAUDE-SONNET-4-5' });
    assert.ok(found.length >= 3, `${found.length}`);
    assert.ok(found.every((r) => r.id.includes('claude-sonnet-4-5')));
    const atBedrock = filterRows(rows, { ...DEFAULT_UI, search: 'claude-sonnet-4-5', provider: 'bedrock' });
    assert.deepEqual(atBedrock.map((r) => r.id), ['bedrock/claude-sonnet-4-5']);
  });

  it('a saved state keeps search and show-all; junk is dropped', () => {
    assert.deepEqual(normalizeUi({ ...DEFAULT_UI, search: 'gpt', showAll: true }), { ...DEFAULT_UI, search: 'gpt', showAll: true });
    const junk = normalizeUi({ ...DEFAULT_UI, search: 42 as unknown as string, showAll: 'yes' as unknown as boolean });
    assert.equal(junk.search, undefined);
    assert.equal(junk.showAll, undefined);
  });
});
