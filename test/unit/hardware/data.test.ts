import * as assert from 'node:assert/strict';
import {
  ACCELERATORS,
  ENGINE_CALIBRATIONS,
  OPEN_MODELS,
  WEIGHT_FORMATS,
  findAccelerator,
  openModelArchitecture,
  parseEngine,
} from '../../../src/core/hardware';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('hardware data', () => {
  it('every accelerator and model carries a source and an asOf date; ids are unique', () => {
    for (const x of [...ACCELERATORS, ...OPEN_MODELS]) {
      assert.ok(x.source.length > 10, x.id);
      assert.match(x.asOf, DATE, x.id);
    }
    for (const a of ACCELERATORS) if (a.price) assert.match(a.price.asOf, DATE, a.id);
    assert.equal(new Set(ACCELERATORS.map((a) => a.id)).size, ACCELERATORS.length);
    assert.equal(new Set(OPEN_MODELS.map((m) => m.id)).size, OPEN_MODELS.length);
  });

  it('MoE models: routed < total, active < total; dense models: active = total', () => {
    for (const m of OPEN_MODELS) {
      if (m.moe) {
        assert.ok(m.moe.routedParamsB < m.totalParamsB, m.id);
        assert.ok(m.activeParamsB < m.totalParamsB, m.id);
      } else assert.equal(m.activeParamsB, m.totalParamsB, m.id);
    }
  });

  it('every weight format has a quality note with a source; efficiencies are in (0, 1]', () => {
    for (const f of WEIGHT_FORMATS) {
      assert.ok(f.quality.note.length > 10 && f.quality.source.length > 10, f.id);
      assert.ok(f.kernelEfficiency > 0 && f.kernelEfficiency <= 1, f.id);
    }
    for (const e of ENGINE_CALIBRATIONS) {
      assert.ok(e.bandwidthEfficiency > 0 && e.bandwidthEfficiency <= 1, e.engine);
      assert.ok(e.flopsEfficiency > 0 && e.flopsEfficiency <= 1, e.engine);
    }
  });

  it('lookups forgive case, aliases and org prefixes; unknown ids are undefined', () => {
    assert.equal(findAccelerator('H100')?.id, 'h100-sxm');
    assert.equal(openModelArchitecture('meta-llama/Llama-3.3-70B-Instruct')?.id, 'llama-3.3-70b');
    assert.equal(openModelArchitecture('openai/gpt-oss-120b')?.id, 'gpt-oss-120b');
    assert.equal(openModelArchitecture('gpt-4o'), undefined);
    assert.equal(parseEngine('TensorRT-LLM'), 'trtllm');
    assert.equal(parseEngine('sglang'), 'sglang');
    assert.equal(parseEngine('nonsense'), undefined);
  });

  it('ids the main catalog uses for open-weight models resolve here', () => {
    for (const id of ['llama-3.3-70b', 'gpt-oss-120b', 'gpt-oss-20b', 'deepseek-v3', 'deepseek-r1', 'qwen3-235b-a22b', 'llama-3.1-8b', 'qwen3-coder-480b-a35b', 'qwen3-coder-30b-a3b', 'kimi-k2', 'mistral-small-3.2', 'llama-4-maverick']) {
      assert.ok(openModelArchitecture(id), id);
    }
  });
});
