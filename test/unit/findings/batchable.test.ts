import * as assert from 'node:assert/strict';
import { analyzeFile } from '../../../src/core/report/analyze';
import type { DiagnosticReport, FileReport } from '../../../src/core/report/types';
import { SAVINGS_ASSUMPTIONS, SAVINGS_ENV } from './catalog';

const findings = (r: FileReport): DiagnosticReport[] => r.diagnostics.filter((d) => d.code === 'batchable');
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
const HEAD = 'from openai import OpenAI\nclient = OpenAI()\n';
const LOOP = `def summarize_all(docs):\n    for doc in docs:\n        client.chat.completions.create(model="gpt-4.1", max_tokens=300, messages=[{"role": "user", "content": "Summarize: " + doc}])\n`;
const MAIN = '\nif __name__ == "__main__":\n    summarize_all(load())\n';

describe('savings: batchable', function () {
  this.timeout(60000);

  it('a call per element of a collection in a script: the batch discount a month, the assumption said', async () => {
    const r = await analyzeFile(`${HEAD}${LOOP}${MAIN}`, 'summarize.py', undefined, SAVINGS_ENV);
    const [f] = findings(r);
    assert.ok(f, JSON.stringify(r.diagnostics));
    const perCall = r.calls[0].costPerCall;
    assert.equal(perCall.kind, 'priced');
    // gpt-4.1 in the fixture has a 50% batch discount; no cache reads on a single call, so the range is one figure.
    const saved = (perCall as { usd: number }).usd * 0.5 * 1000 * 30;
    close(f.savings!.monthly.usd, saved);
    close(f.savings!.monthly.low, saved);
    close(f.savings!.monthly.high, saved);
    assert.equal(f.fix, undefined, 'moving to a batch API is not a mechanical edit');
    assert.match(f.message, /^Runs once per element of `for doc in docs` \(line 4\) and no one waits for the reply \(the file is a script \(if __name__ == "__main__"\)\): OpenAI's batch API bills it 50% less/);
    assert.match(f.message, /up to 24 hours/);
  });

  it('not in a request handler, not without evidence of an offline job, not in an agent loop, not when turned off', async () => {
    const api = `from fastapi import FastAPI\n${HEAD}app = FastAPI()\n@app.post("/summaries")\n${LOOP}`;
    assert.deepEqual(findings(await analyzeFile(api, 'jobs/api.py', undefined, SAVINGS_ENV)), [], 'a request handler: a user waits');
    assert.deepEqual(findings(await analyzeFile(`${HEAD}${LOOP}`, 'lib/summaries.py', undefined, SAVINGS_ENV)), [], 'no evidence that no one waits');
    const agent = `${HEAD}def run(q):\n    messages = [{"role": "user", "content": q}]\n    while True:\n        r = client.chat.completions.create(model="gpt-4.1", max_tokens=300, tools=TOOLS, messages=messages)\n        if not r.choices[0].message.tool_calls:\n            return r\n        messages.append(run_tools(r))\n${MAIN.replace('summarize_all(load())', 'run("hi")')}`;
    assert.deepEqual(findings(await analyzeFile(agent, 'agent.py', undefined, SAVINGS_ENV)), [], 'an agent loop is not a batch');
    const off = { ...SAVINGS_ENV, assumptions: { ...SAVINGS_ASSUMPTIONS, savings: { batchable: false } } };
    assert.deepEqual(findings(await analyzeFile(`${HEAD}${LOOP}${MAIN}`, 'summarize.py', undefined, off)), []);
  });
});
