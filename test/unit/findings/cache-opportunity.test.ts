import * as assert from 'node:assert/strict';
import { estimateWorkload } from '../../../src/core/agent/estimate';
import { analyzeFile } from '../../../src/core/report/analyze';
import type { DiagnosticReport, FileReport } from '../../../src/core/report/types';
import type { Workload } from '../../../src/core/workload';
import { SAVINGS_ASSUMPTIONS, SAVINGS_CATALOG, SAVINGS_ENV } from './catalog';

const findings = (r: FileReport): DiagnosticReport[] => r.diagnostics.filter((d) => d.code === 'cache-opportunity');
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
const RULES = 'You are a careful support agent. Cite the policy section for every answer, never guess, keep replies short. '.repeat(60);
const HEAD = 'import anthropic\nclient = anthropic.Anthropic()\n';
const single = (system: string) => `${HEAD}def answer(q):\n    return client.messages.create(model="claude-test", max_tokens=300, system=${system}, messages=[{"role": "user", "content": q}])\n`;
const PER_M = 1e6;

describe('savings: cache-opportunity', function () {
  this.timeout(60000);

  it('a long static system prompt sent uncached at a warm-cache traffic: uncached minus cached, write premium included, with the edit', async () => {
    const src = single(`"${RULES}"`);
    const r = await analyzeFile(src, 'a.py', undefined, SAVINGS_ENV);
    const [f] = findings(r);
    assert.ok(f, JSON.stringify(r.diagnostics));
    const system = r.prompts.find((p) => p.kind === 'system')!;
    const call = r.calls[0];
    // Per call, by the catalog's prices: fresh $3/M, read $0.3/M, write $3.75/M, output $15/M.
    const S = system.tokens;
    const I = call.workload.inputTokens;
    const out = call.workload.outputTokens * 15;
    const now = (I * 3 + out) / PER_M;
    const read = ((I - S) * 3 + S * 0.3 + out) / PER_M;
    const write = ((I - S) * 3 + S * 3.75 + out) / PER_M;
    const saved = (writes: number) => (1000 * now - (1000 - writes) * read - writes * write) * 30;
    close(f.savings!.monthly.usd, saved(288));
    close(f.savings!.monthly.high, saved(1));
    close(f.savings!.monthly.low, saved(500));
    assert.ok(f.savings!.monthly.low < f.savings!.monthly.usd && f.savings!.monthly.usd < f.savings!.monthly.high);
    assert.match(f.message, /tokens of static system prompt \(over Anthropic's minimum of 1,024\) are sent uncached/);
    assert.equal(f.line, call.line);
    const line = src.split('\n')[3];
    const column = line.indexOf(`"${RULES.slice(0, 10)}`) + 1;
    assert.deepEqual(f.fix, { kind: 'cache-control', shape: 'text', at: { line: 4, column, endLine: 4, endColumn: column + RULES.length + 2 } });
  });

  it('not when the request already marks cache_control, the prompt is under the minimum, or the traffic cannot keep a cache warm', async () => {
    const marked = single(`[{"type": "text", "text": "${RULES}", "cache_control": {"type": "ephemeral"}}]`);
    assert.deepEqual(findings(await analyzeFile(marked, 'a.py', undefined, SAVINGS_ENV)), []);
    assert.deepEqual(findings(await analyzeFile(single('"Be brief."'), 'b.py', undefined, SAVINGS_ENV)), [], 'under the 1,024-token minimum');
    const quiet = { ...SAVINGS_ENV, assumptions: { ...SAVINGS_ASSUMPTIONS, callsPerDay: 100 } };
    assert.deepEqual(findings(await analyzeFile(single(`"${RULES}"`), 'c.py', undefined, quiet)), [], '100 calls a day: the cache lapses between calls');
    const off = { ...SAVINGS_ENV, assumptions: { ...SAVINGS_ASSUMPTIONS, savings: { 'cache-opportunity': false } } };
    assert.deepEqual(findings(await analyzeFile(single(`"${RULES}"`), 'd.py', undefined, off)), [], 'the setting turns it off');
  });

  it('a literal list of system blocks gets the marker on its last block', async () => {
    const src = single(`[{"type": "text", "text": "${RULES}"}]`);
    const [f] = findings(await analyzeFile(src, 'a.py', undefined, SAVINGS_ENV));
    assert.equal(f?.fix?.kind, 'cache-control');
    assert.equal(f.fix.kind === 'cache-control' && f.fix.shape, 'blocks');
  });

  it('an agent loop that resends the prompt each step: the task uncached minus the task with a breakpoint per step', async () => {
    const src = `${HEAD}def run(q):\n    messages = [{"role": "user", "content": q}]\n    for turn in range(6):\n        r = client.messages.create(model="claude-test", max_tokens=300, system="${RULES}", tools=TOOLS, messages=messages)\n        if r.stop_reason != "tool_use":\n            return r\n        messages.append({"role": "user", "content": run_tools(r)})\n`;
    const r = await analyzeFile(src, 'agent.py', undefined, { ...SAVINGS_ENV, assumptions: { ...SAVINGS_ASSUMPTIONS, callsPerDay: 50 } });
    const loop = r.agentLoops[0];
    assert.ok(loop && loop.maxSteps === 6, JSON.stringify(r.agentLoops));
    const [f] = findings(r);
    assert.ok(f, JSON.stringify(r.diagnostics));
    const offering = SAVINGS_CATALOG.offerings.find((o) => o.id === 'anthropic/claude-test')!;
    const unit = (w: Workload) => {
      const p = estimateWorkload(SAVINGS_CATALOG, offering, w).perUnit;
      return p.kind === 'priced' ? p.usd : NaN;
    };
    const saved = (unit({ ...loop.workload, caching: false }) - unit({ ...loop.workload, caching: true })) * 50 * 30;
    close(f.savings!.monthly.usd, saved);
    assert.match(f.message, /Each of the task's 6 steps resends it: mark the system prompt and the latest message with cache_control/);
    close(loop.costPerTask.kind === 'priced' ? loop.costPerTask.usd : NaN, unit({ ...loop.workload, caching: false }));
  });

  it("the loop's own price is uncached when its requests mark nothing, and cached once they mark cache_control (one figure for the lens and the finding)", async () => {
    const loopWith = (system: string) => `${HEAD}def run(q):\n    messages = [{"role": "user", "content": q}]\n    for turn in range(6):\n        r = client.messages.create(model="claude-test", max_tokens=300, system=${system}, tools=TOOLS, messages=messages)\n        if r.stop_reason != "tool_use":\n            return r\n        messages.append({"role": "user", "content": run_tools(r)})\n`;
    const plain = (await analyzeFile(loopWith(`"${RULES}"`), 'a.py', undefined, SAVINGS_ENV)).agentLoops[0];
    const marked = (await analyzeFile(loopWith(`[{"type": "text", "text": "${RULES}", "cache_control": {"type": "ephemeral"}}]`), 'b.py', undefined, SAVINGS_ENV)).agentLoops[0];
    assert.equal(plain.workload.caching, false);
    assert.equal(marked.workload.caching, true);
    const note = plain.assumptions?.find((a) => a.subject === 'caching');
    assert.match(note?.detail ?? '', /caches only what a request marks with cache_control/);
    assert.equal(marked.assumptions?.some((a) => a.subject === 'caching'), false);
    const usd = (p: typeof plain.costPerTask) => (p.kind === 'priced' ? p.usd : NaN);
    assert.ok(usd(plain.costPerTask) > usd(marked.costPerTask), 'six steps resending the prefix cost more uncached');
  });
});
