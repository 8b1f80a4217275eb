import * as assert from 'node:assert/strict';
import { renderExport } from '../../../src/extension/webviews/report/export';
import { fixtureReport } from '../../webview/report-fixture';

describe('cost report export', () => {
  it('JSON is the ScanReport itself (contract v1), unchanged', () => {
    assert.deepEqual(JSON.parse(renderExport(fixtureReport, 'json')), JSON.parse(JSON.stringify(fixtureReport)));
  });

  it('CSV: the ranked sites with raw dollar values (empty when unpriced), quoted where needed', () => {
    const lines = renderExport(fixtureReport, 'csv').trim().split(/\r?\n/);
    assert.equal(lines[0], 'File,Line,Kind,Framework,Model,Per unit,Monthly');
    assert.equal(lines[1], 'src/agent.ts,20,loop,vercel-ai,gpt-4.1,0.05,150');
    assert.equal(lines.length, 5);
    assert.match(lines[4], /^"?src\/tools\/<weird> & name\.py"?,7,call,openai,gpt-4\.1,,$/);
  });

  it('Markdown: sites, by model and by file tables', () => {
    const md = renderExport(fixtureReport, 'markdown');
    for (const title of ['Sites by projected monthly cost', 'By model', 'By file']) assert.ok(md.includes(title), title);
    assert.match(md, /\| src\/agent\.ts \| +20 \| loop +\| vercel-ai +\| gpt-4\.1 +\| +\$0\.05 \| +\$150 \|/);
  });
});
