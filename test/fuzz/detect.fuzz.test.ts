/**
 * Hostile input through detection: never a throw, never a hang, spans always inside the
 * document. Seeded, bounded runs (FUZZ_RUNS raises the count for `npm run test:fuzz`).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectFile } from '../../src/core/detect/index';
import { mutate, pathologicalFiles, seededRandom } from './pathological';
import { seedSources } from './sources';
import { recordFuzzStat } from './stats';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

const decoder = new TextDecoder('utf-8', { fatal: false });

function assertSpansInside(result: Awaited<ReturnType<typeof detectFile>>, text: string, label: string): void {
  // detectFile turns an internal exception into a 'detection failed' issue so the editor survives;
  // on hostile input that still counts as a crash of a rule, so the fuzz run fails on it.
  const crashes = result.issues.filter((i) => /detection failed/.test(i.message));
  assert.deepEqual(crashes.map((c) => c.message), [], `${label}: a detection rule threw`);
  const lines = text.split(/\r\n|\r|\n/).length;
  const sites = [...(result.prompts ?? []), ...(result.calls ?? []), ...(result.loops ?? [])] as unknown as {
    line: number;
    endLine: number;
  }[];
  for (const s of sites) {
    assert.ok(s.line >= 1 && s.endLine >= s.line && s.endLine <= lines + 1, `${label}: span ${s.line}-${s.endLine} outside ${lines} lines`);
  }
}

describe('fuzz: detection on hostile input', function () {
  this.timeout(300_000);

  for (const file of pathologicalFiles(SEED)) {
    it(`survives ${file.name} (${file.why})`, async () => {
      const text = decoder.decode(file.bytes);
      const started = process.hrtime.bigint();
      const result = await detectFile(text, `hostile/${file.name}`);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      recordFuzzStat({ name: file.name, bytes: file.bytes.length, ms });
      assert.ok(result, 'a result, even if empty');
      assertSpansInside(result, text, file.name);
    });
  }

  it(`survives ${RUNS} seeded mutations of real agent sources`, async () => {
    const sources = seedSources();
    assert.ok(sources.length >= 2);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: sources.length - 1 }), fc.integer(), async (index, seed) => {
        const source = sources[index];
        const bytes = mutate(source.text, seededRandom(seed));
        const text = decoder.decode(bytes);
        const started = process.hrtime.bigint();
        const result = await detectFile(text, source.path);
        recordFuzzStat({ name: `mutated:${source.path}`, bytes: bytes.length, ms: Number(process.hrtime.bigint() - started) / 1e6 });
        assertSpansInside(result, text, source.path);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
