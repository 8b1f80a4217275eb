import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { DiagnosticReport } from '../../../src/core/report/types';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import { cli, commit, makeRepo } from '../diff/git-fixture';
import { SAVINGS_CATALOG } from './catalog';

const RULES = 'You are a careful support agent. Cite the policy section for every answer, never guess, keep replies short. '.repeat(60);
const JOB = `from openai import OpenAI\nclient = OpenAI()\n\ndef main(docs):\n    for doc in docs:\n        client.chat.completions.create(model="gpt-4.1", max_tokens=300, messages=[{"role": "user", "content": doc}])\n\nif __name__ == "__main__":\n    main([])\n`;
const SUPPORT = `import anthropic\nclient = anthropic.Anthropic()\n\ndef answer(q):\n    return client.messages.create(model="claude-test", max_tokens=300, system="${RULES}", messages=[{"role": "user", "content": q}])\n`;

describe('savings: cache-opportunity and batchable in scan and diff', function () {
  this.timeout(120000);
  let dir = '';
  before(() => {
    useCatalogForTests(SAVINGS_CATALOG);
    dir = makeRepo({ 'tokenomics.json': '{ "callsPerDay": 1000 }', 'README.md': 'empty\n' });
    commit(dir, { 'scripts/job.py': JOB, 'support.py': SUPPORT });
  });
  after(() => {
    useCatalogForTests(undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('JSON carries both with their savings; Markdown and SARIF list them; diff lists them among the top savings', async () => {
    const json = JSON.parse((await cli(['scan', '--format', 'json'], dir)).out);
    const all: DiagnosticReport[] = json.files.flatMap((f: { diagnostics: DiagnosticReport[] }) => f.diagnostics);
    const batch = all.find((d) => d.code === 'batchable');
    const cache = all.find((d) => d.code === 'cache-opportunity');
    assert.ok(batch && batch.savings!.monthly.usd > 0, JSON.stringify(all.map((d) => d.code)));
    assert.ok(cache && cache.savings!.monthly.usd > 0 && cache.fix?.kind === 'cache-control');
    const md = (await cli(['scan', '--format', 'markdown'], dir)).out;
    assert.match(md, /\| scripts\/job\.py:6 \| batchable \| \$[\d,.]+ \|/);
    assert.match(md, /\| support\.py:5 \| cache-opportunity \| \$[\d,.]+ \(\$[\d,.]+–\$[\d,.]+\) \|/);
    const sarif = JSON.parse((await cli(['scan', '--format', 'sarif'], dir)).out);
    const ids = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    assert.ok(ids.includes('batchable') && ids.includes('cache-opportunity'), ids.join(', '));
    const diff = (await cli(['diff', 'HEAD~1', '--format', 'markdown'], dir)).out;
    assert.match(diff, /Top savings[\s\S]*\| (batchable|cache-opportunity) \|/);
  });
});
