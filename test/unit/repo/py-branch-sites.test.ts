import * as assert from 'node:assert/strict';
import { parseCondition } from '../../../src/core/repo/branch-sites';
import { file, scan } from './fixture-scan';

describe("a folded branch of a wrapper that another caller's model takes (Python)", () => {
  it('the claude branch stays the site on the ideas caller; the gpt branch the review caller takes is a site of its own on its model', async () => {
    const r = await scan('py-branch-sites');
    const calls = file(r, 'app/llm.py').calls.map((c) => [c.line, c.model, c.rule ?? '']).sort((a, b) => (a[0] as number) - (b[0] as number));
    // The llama branch (line 9): no caller's model takes it, so it stays an alternative only.
    assert.deepEqual(calls, [
      [3, 'claude-3-5-sonnet-20240620', 'sdk-call'],
      [6, 'gpt-4o-2024-05-13', 'py-branch-site'],
    ]);
    const revealed = file(r, 'app/llm.py').calls.find((c) => c.line === 6);
    assert.deepEqual(revealed?.modelSource?.at, { path: 'app/review.py', line: 7 });
  });

  it('reads only plain conditions on a parameter', () => {
    assert.deepEqual(parseCondition('"gpt" in model', ['model'], 5), [{ k: 'contains', subject: { k: 'name', v: 'model', line: 5 }, values: ['gpt'] }]);
    assert.deepEqual(parseCondition("model in ['a', 'b']", ['model'], 5), [{ k: 'eq', subject: { k: 'name', v: 'model', line: 5 }, values: ['a', 'b'] }]);
    assert.equal(parseCondition('"o1" in model or "o3" in model', ['model'], 5), undefined);
    assert.equal(parseCondition('"gpt" in name', ['model'], 5), undefined);
  });
});
