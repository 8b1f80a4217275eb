/**
 * Alternatives that can do the job: core `checkCapabilities` and the default
 * filter of `compareOfferings` (issue 17). Unknown capability is stated as
 * unknown and never passes a need; the flag `showAll` keeps every row, marked.
 */
import * as assert from 'node:assert/strict';
import { findModel, findOffering, getBundledCatalog } from '../../../src/core/catalog';
import { checkCapabilities } from '../../../src/core/compare/capability';
import { compareOfferings } from '../../../src/core/compare';
import { cheapestAndFastest } from '../../../src/extension/core-api';
import type { Workload } from '../../../src/core/workload';

const catalog = getBundledCatalog();
const CALL: Workload = { inputTokens: 3_000, cachedInputTokens: 0, outputTokens: 400, reasoningTokens: 0, steps: 1, toolResultTokens: 0, caching: false, batch: false, callsPerDay: 1000 };

describe('compare/checkCapabilities', () => {
  it('a model that states every need: can', () => {
    const c = checkCapabilities(findModel(catalog, 'gpt-4o')!, findOffering(catalog, 'openai/gpt-4o'), { tools: true, structuredOutput: true, vision: true }, { outputTokens: 400 });
    assert.equal(c.verdict, 'can');
    assert.deepEqual(c.unmet, []);
    assert.match(c.source!, /platform\.openai\.com/);
  });

  it('a stated lack: cannot, naming it (o3-mini takes no images)', () => {
    const c = checkCapabilities(findModel(catalog, 'o3-mini')!, undefined, { tools: true, vision: true });
    assert.equal(c.verdict, 'cannot');
    assert.deepEqual(c.unmet, ['no image input']);
  });

  it('no source states it: unknown, not assumed true', () => {
    const model = catalog.models.find((m) => m.capabilities === undefined && m.kind === undefined)!;
    const c = checkCapabilities(model, undefined, { tools: true });
    assert.equal(c.verdict, 'unknown');
    assert.deepEqual(c.unknown, ['tool calling (not stated)']);
    // Without needs it can write text; an unstated maximum output is listed, not held against it.
    const plain = checkCapabilities(model, undefined, undefined, { outputTokens: 400 });
    assert.equal(plain.verdict, 'can');
  });

  it('an embedding model cannot answer a call; an output over the maximum cannot be produced', () => {
    assert.equal(checkCapabilities(findModel(catalog, 'text-embedding-3-small')!, undefined, undefined).verdict, 'cannot');
    // gpt-4o writes at most 16,384 tokens per call.
    const c = checkCapabilities(findModel(catalog, 'gpt-4o')!, undefined, undefined, { outputTokens: 20_000 });
    assert.deepEqual(c.unmet, ['output 20,000 > maximum 16,384']);
  });

  it('context size against the offering\'s own window (Groq serves Llama 4 Scout with 131,072 tokens)', () => {
    const scout = findModel(catalog, 'llama-4-scout')!;
    assert.equal(checkCapabilities(scout, findOffering(catalog, 'groq/llama-4-scout'), undefined, { contextTokens: 200_000 }).verdict, 'cannot');
    assert.equal(checkCapabilities(scout, undefined, undefined, { contextTokens: 200_000 }).verdict, 'can');
  });
});

describe('compare: the capability filter', () => {
  it('by default every row can do the job; the rest are excluded with the reason', () => {
    const r = compareOfferings(catalog, CALL, { needs: { tools: true, vision: true } });
    assert.ok(r.rows.length > 20, `${r.rows.length} rows`);
    for (const row of r.rows) {
      const model = findModel(catalog, row.model)!;
      assert.equal(model.capabilities?.tools, true, row.id);
      assert.equal(model.capabilities?.vision, true, row.id);
      assert.equal(row.capability?.verdict, 'can');
    }
    const hidden = r.excluded.filter((e) => e.reason === 'capability');
    assert.equal(r.capabilityFilter?.hidden, hidden.length);
    assert.deepEqual(r.capabilityFilter?.needs, ['tool calling', 'image input']);
    assert.ok(hidden.some((e) => e.capability?.verdict === 'unknown'), 'unstated support is hidden too');
    assert.ok(hidden.some((e) => e.id === 'openai/o3-mini' && e.capability?.unmet.includes('no image input')));
  });

  it('without needs, embedding models are still never rows for a call with output', () => {
    const r = compareOfferings(catalog, CALL);
    assert.ok(!r.rows.some((row) => findModel(catalog, row.model)?.kind === 'embedding'));
    assert.ok(r.excluded.some((e) => e.reason === 'capability' && e.id === 'openai/text-embedding-3-small'));
  });

  it('showAll keeps every row, marked; a row that cannot do the job is never on the Pareto front', () => {
    const needs = { tools: true };
    const filtered = compareOfferings(catalog, CALL, { needs });
    const all = compareOfferings(catalog, CALL, { needs, showAll: true });
    const marked = all.rows.filter((r) => r.capability!.verdict !== 'can');
    // The same rows that can, plus the marked ones (a few hidden ones are also too small for the context: excluded either way).
    assert.equal(all.rows.length - marked.length, filtered.rows.length);
    assert.ok(marked.length > 0 && marked.length <= filtered.capabilityFilter!.hidden);
    assert.ok(marked.every((r) => !r.pareto));
    assert.equal(all.capabilityFilter?.showAll, true);
  });

  it('hover alternatives pick only offerings that can do the site\'s job', () => {
    const plain = cheapestAndFastest(catalog, CALL, 'openai/gpt-4o');
    const withTools = cheapestAndFastest(catalog, CALL, 'openai/gpt-4o', undefined, { tools: true, structuredOutput: true });
    assert.ok(withTools.length > 0);
    for (const alt of withTools) {
      const caps = findModel(catalog, alt.model)!.capabilities;
      assert.equal(caps?.tools, true, alt.offeringId);
      assert.equal(caps?.structuredOutput, true, alt.offeringId);
    }
    // The plain cheapest is a model that cannot (or is not known to) call tools: the filter changed the pick.
    const cheapest = findModel(catalog, plain[0].model)!;
    assert.notEqual(cheapest.capabilities?.tools === true && cheapest.capabilities?.structuredOutput === true, true, plain[0].offeringId);
  });
});
