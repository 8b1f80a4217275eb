import * as assert from 'node:assert/strict';
import { skipReason } from '../../../src/extension/analysis/skip';

describe('extension/skipping documents', () => {
  const exclude = ['**/node_modules/**', '**/dist/**'];

  it('skips excluded paths and files over the size limit, saying which setting', () => {
    assert.equal(skipReason('node_modules/openai/index.ts', 10, exclude, 1024), 'matches tokenomics.exclude');
    assert.equal(skipReason('src/agent.ts', 2 * 1024 * 1024, exclude, 1024), 'larger than tokenomics.maxFileSizeKb (1024 KB)');
  });

  it('analyses everything else, including a file exactly at the limit', () => {
    assert.equal(skipReason('src/agent.ts', 1024 * 1024, exclude, 1024), undefined);
    assert.equal(skipReason('.github/copilot-instructions.md', 10, exclude, 1024), undefined);
    assert.equal(skipReason('src/agent.ts', 10, [], 1024), undefined);
  });
});
