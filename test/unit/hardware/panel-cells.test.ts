import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { errorRows, loadDataset, summarize, type Category, type ErrorRow, type Measurement, type Summary } from '../../../bench/hardware/calibrate';
import { PANEL_CELLS, hardwareMatches, panelCoverage } from '../../../bench/hardware/panel-cells';

const ROOT = join(__dirname, '..', '..', '..', '..');

function errorRow(model: string, accelerator: string, accelerators: number, category: Category, ape: number, set: 'fit' | 'validation'): ErrorRow {
  const m: Measurement = {
    id: `${model}-${accelerator}-${accelerators}-${category}`,
    category,
    engine: 'vllm',
    accelerator,
    accelerators,
    model,
    precision: 'fp4',
    kvPrecision: 'bf16',
    batch: 1,
    inputTokens: 1000,
    outputTokens: 100,
    metric: category === 'ttft' ? 'ttftMs' : 'decodePerUser',
    measured: 100,
    source: 'https://example.org/bench',
    sourceId: 'example',
    asOf: '2025-10-01',
  };
  return { m, predicted: 100 * (1 - ape), ape, logError: Math.log(1 - ape), set, deviceClass: 'datacenter-cuda' };
}

function p90s(values: Record<Category, number>): Summary[] {
  return (Object.keys(values) as Category[]).map((category) => ({ category, set: 'validation', group: 'all', n: 10, median: values[category] / 2, p90: values[category] }));
}

describe('Compare panel cells checked against public measurements', () => {
  it('lists the nine cells of issue 16: three models on one H100, two H100s and an Apple M-series machine', () => {
    assert.equal(PANEL_CELLS.length, 9);
    assert.deepEqual([...new Set(PANEL_CELLS.map((c) => c.model))], ['gpt-oss-120b', 'qwen3-30b-a3b', 'llama-3.3-70b']);
    assert.deepEqual([...new Set(PANEL_CELLS.map((c) => c.hardware))], ['1 × H100', '2 × H100', 'Apple M-series']);
  });

  it('matches hardware by class and count: H100 SXM or PCIe at the cell count, any Apple GPU for the Mac cell', () => {
    assert.ok(hardwareMatches('1 × H100', 'h100-sxm', 1));
    assert.ok(!hardwareMatches('2 × H100', 'h100-sxm', 1));
    assert.ok(hardwareMatches('2 × H100', 'h100-pcie', 2));
    assert.ok(!hardwareMatches('1 × H100', 'a100-80gb', 1));
    assert.ok(hardwareMatches('Apple M-series', 'm2-ultra', 1));
    assert.ok(!hardwareMatches('Apple M-series', 'gb10', 1));
  });

  it('puts each measurement in its cell, judges it against its category validation p90, and a cell with a miss is not within', () => {
    const rows = [
      errorRow('gpt-oss-120b', 'h100-sxm', 2, 'batched', 0.5, 'validation'),
      errorRow('qwen3-coder-30b-a3b', 'm2-ultra', 1, 'decode', 0.05, 'validation'),
      errorRow('llama-3.1-70b', 'a100-80gb', 1, 'decode', 0.01, 'validation'),
      errorRow('llama-3.3-70b', 'h100-sxm', 2, 'ttft', 0.01, 'fit'),
    ];
    const cells = panelCoverage(rows, p90s({ decode: 0.16, prefill: 0.35, batched: 0.42, ttft: 0.52 }));
    const cell = (model: string, hardware: string) => cells.find((c) => c.cell.model === model && c.cell.hardware === hardware)!;
    const gptOss2 = cell('gpt-oss-120b', '2 × H100');
    assert.equal(gptOss2.rows.length, 1);
    assert.equal(gptOss2.rows[0].bound, 0.42);
    assert.equal(gptOss2.rows[0].within, false);
    assert.equal(gptOss2.withinValidationError, false);
    const qwenMac = cell('qwen3-30b-a3b', 'Apple M-series');
    assert.equal(qwenMac.rows.length, 1, 'Qwen3-Coder-30B-A3B measures the Qwen3-30B-A3B cell');
    assert.equal(qwenMac.withinValidationError, true);
    // An A100 row belongs to no cell; a fit-only cell is not counted as validated.
    assert.equal(cells.reduce((n, c) => n + c.rows.length, 0), 3);
    const llama2 = cell('llama-3.3-70b', '2 × H100');
    assert.equal(llama2.validationRows, 0);
    assert.equal(llama2.withinValidationError, false);
    assert.equal(cell('llama-3.3-70b', '1 × H100').rows.length, 0);
  });

  it('on the shipped data, every matched row is the cell model family on the cell hardware, with the validation tables own error', () => {
    const rows = errorRows(loadDataset(ROOT));
    const cells = panelCoverage(rows, summarize(rows));
    for (const c of cells) {
      for (const r of c.rows) {
        assert.ok(c.cell.sameArchitecture.includes(r.row.m.model), r.row.m.id);
        assert.ok(hardwareMatches(c.cell.hardware, r.row.m.accelerator, r.row.m.accelerators), r.row.m.id);
        assert.equal(r.within, (r.row.ape as number) <= r.bound);
      }
    }
    assert.ok(cells.some((c) => c.validationRows > 0), 'at least one cell is measured by a source the fit never saw');
  });

  it("on the shipped data, every cell that a validation source measures comes out within its bounds (issue 16's done condition; docs/hardware.md lists the cells with no public data)", () => {
    const rows = errorRows(loadDataset(ROOT));
    const cells = panelCoverage(rows, summarize(rows));
    const measured = cells.filter((c) => c.validationRows > 0);
    assert.ok(measured.length >= 6, `${measured.length} cells measured by validation sources`);
    for (const c of measured) {
      const misses = c.rows.filter((r) => r.row.set === 'validation' && !r.within).map((r) => `${r.row.m.id} ${((r.row.ape as number) * 100).toFixed(1)}% > ${(r.bound * 100).toFixed(1)}%`);
      assert.equal(c.withinValidationError, true, `${c.cell.model} on ${c.cell.hardware}: ${misses.join('; ')}`);
    }
  });
});
