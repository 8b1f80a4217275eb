import * as assert from 'node:assert/strict';
import { scopeOfPath } from '../../../src/core/report/scope';

describe('scopeOfPath', () => {
  it('puts application code in the runtime scope', () => {
    for (const p of ['src/agent.py', 'app/(chat)/api/chat/route.ts', 'aider/coders/base_coder.py', 'lib/ai/providers.ts']) assert.equal(scopeOfPath(p), 'runtime', p);
  });
  it('separates tests, examples, docs and notebooks', () => {
    assert.equal(scopeOfPath('tests/test_agent.py'), 'test');
    assert.equal(scopeOfPath('src/agent_test.py'), 'test');
    assert.equal(scopeOfPath('src/lib/agent.spec.ts'), 'test');
    assert.equal(scopeOfPath('packages/core/__tests__/run.ts'), 'test');
    assert.equal(scopeOfPath('examples/basic/hello.py'), 'example');
    assert.equal(scopeOfPath('docs/guide/quickstart.py'), 'docs');
    assert.equal(scopeOfPath('notebooks/explore.ipynb'), 'notebook');
  });
  it('prices instruction files apart, wherever they sit', () => {
    assert.equal(scopeOfPath('AGENTS.md', 'instructions'), 'instructions');
    assert.equal(scopeOfPath('examples/CLAUDE.md', 'instructions'), 'instructions');
  });
});
