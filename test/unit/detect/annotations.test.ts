import * as assert from 'node:assert/strict';
import { detectFile, parseAnnotation } from '../../../src/core/detect';

describe('detect: annotations', () => {
  it('parses every key, with k/M suffixes and placeholder sizes', () => {
    const a = parseAnnotation('// tokenomics: steps=12 output=800 toolResult=1.5k callsPerDay=2000 model=gpt-4.1 placeholder.diff=3000 reasoning=1_000');
    assert.deepEqual(a, {
      values: { steps: 12, output: 800, toolResult: 1500, callsPerDay: 2000, model: 'gpt-4.1', reasoning: 1000, placeholders: { diff: 3000 } },
      issues: [],
    });
  });

  it('reports unknown keys and bad numbers instead of throwing', () => {
    const a = parseAnnotation('# tokenomics: stepz=3 output=lots ignore');
    assert.equal(a?.values.ignore, true);
    assert.equal(a?.issues.length, 2);
    assert.match(a!.issues[0], /unknown key 'stepz'/);
    assert.match(a!.issues[1], /output: 'lots' is not a non-negative number/);
  });

  it('ignores comments without the marker', () => {
    assert.equal(parseAnnotation('// token economics are hard'), undefined);
  });

  it('applies to the next site only, and `ignore` drops it', async () => {
    const src = [
      'import OpenAI from "openai";',
      'const c = new OpenAI();',
      '// tokenomics: model=gpt-4o output=50',
      'c.chat.completions.create({ model: "gpt-4.1", messages: [] });',
      'c.chat.completions.create({ model: "gpt-4.1", messages: [] });',
      '/* tokenomics: ignore */',
      'c.chat.completions.create({ model: "o3", messages: [] });',
    ].join('\n');
    const f = await detectFile(src, 'a.ts');
    assert.equal(f.calls.length, 2);
    assert.deepEqual(f.calls[0].annotation, { model: 'gpt-4o', output: 50 });
    assert.equal(f.calls[1].annotation, undefined);
    assert.equal(f.annotations.length, 2);
  });

  it('surfaces annotation problems as issues on the file', async () => {
    const f = await detectFile('# tokenomics: stepz=4\nx = 1\n', 'a.py');
    assert.equal(f.issues.length, 1);
    assert.equal(f.issues[0].code, 'annotation');
    assert.equal(f.issues[0].line, 1);
  });
});
