import * as assert from 'node:assert/strict';
import { analyzeFile } from '../../../src/core/report/analyze';
import type { CallReport, FileReport } from '../../../src/core/report/types';
import type { FileLabel, LoopLabel } from '../../../bench/repos/labels';
import { checkLabels } from '../../../bench/repos/labels';
import { normalizeModel, sameModel, scoreFile } from '../../../bench/repos/score';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from '../report/catalog-fixture';

const env = { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS };

// line 3: one request on gpt-4.1 with a one-line user prompt
const ONE_CALL = `import OpenAI from 'openai';
const c = new OpenAI();
c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 100 });
`;

// lines 4-7: a loop bounded at 5 steps around a request on line 5
const BOUNDED_LOOP = `import OpenAI from 'openai';
const c = new OpenAI();
export async function run() {
  for (let i = 0; i < 5; i++) {
    const r = await c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Next step.' }], max_tokens: 100 });
    if (!r.choices[0].message.tool_calls) return r;
  }
}
`;

const base = { repo: 'o/n', commit: 'c'.repeat(40), path: 'a.ts' };
const none = (): number => 0;

async function report(text: string, path = 'a.ts'): Promise<FileReport> {
  return analyzeFile(text, path, undefined, env);
}

describe('bench:repos scorer', () => {
  it('the synthetic reports hold what the cases below assume', async () => {
    const one = await report(ONE_CALL);
    assert.deepEqual(one.calls.map((c) => [c.line, c.modelResolved]), [[3, 'gpt-4.1']]);
    assert.ok(one.prompts.some((p) => p.line === 3));
    const loop = await report(BOUNDED_LOOP);
    assert.deepEqual(loop.agentLoops.map((l) => [l.line, l.bounded, l.maxSteps]), [[4, true, 5]]);
  });

  it('finds a call within ±2 lines of the label and not at 3', async () => {
    const r = await report(ONE_CALL);
    for (const line of [1, 5]) {
      const s = scoreFile({ ...base, score: ['calls'], calls: [{ line, model: 'gpt-4.1' }] }, r, none);
      assert.deepEqual([s.kinds.calls!.found, s.kinds.calls!.matched, s.kinds.calls!.reported], [1, 1, 1], `label at ${line}`);
    }
    const far = scoreFile({ ...base, score: ['calls'], calls: [{ line: 6, model: 'gpt-4.1' }] }, r, none);
    assert.deepEqual([far.kinds.calls!.found, far.kinds.calls!.matched, far.kinds.calls!.reported], [0, 0, 1]);
    assert.deepEqual(far.findings.map((f) => [f.type, f.line]), [['miss', 6], ['extra', 3]]);
  });

  it('compares models after normalising: case, provider prefix, date and latest suffixes, dots', async () => {
    assert.equal(normalizeModel('openai/GPT-4.1-2025-04-14'), 'gpt-4-1');
    assert.equal(normalizeModel('anthropic:claude-3-5-sonnet-latest'), 'claude-3-5-sonnet');
    assert.equal(normalizeModel('claude-sonnet-4-20250514'), 'claude-sonnet-4');
    assert.equal(normalizeModel('gpt-4o-2024-08-06'), 'gpt-4o');
    assert.equal(normalizeModel('gpt-3.5-turbo-0125'), 'gpt-3-5-turbo');
    assert.notEqual(normalizeModel('gpt-4o-mini'), normalizeModel('gpt-4o'));
    const r = await report(ONE_CALL);
    const s = scoreFile({ ...base, score: ['calls'], calls: [{ line: 3, model: 'openai/GPT-4.1-2025-04-14' }] }, r, none);
    assert.equal(s.kinds.calls!.found, 1);
  });

  it('a label spelling the catalog lists under the reported model is that model; another model is not', () => {
    const priced = (modelResolved: string) => ({ modelResolved }) as unknown as CallReport;
    // Upstream lists OpenAI's gpt-4-1106-preview under gpt-4-turbo: one catalog model, one price.
    assert.ok(sameModel('gpt-4-1106-preview', priced('gpt-4-turbo')));
    assert.ok(!sameModel('gpt-4o-mini', priced('gpt-4o')));
    assert.ok(!sameModel('gpt-4-1106-preview', priced('gpt-4')));
    assert.ok(!sameModel('no-such-model-x', priced('gpt-4o')));
  });

  it('a call at the right place on another model is located but not found, and not extra', async () => {
    const r = await report(ONE_CALL);
    const s = scoreFile({ ...base, score: ['calls'], calls: [{ line: 3, model: 'claude-sonnet-4' }] }, r, none);
    assert.deepEqual([s.kinds.calls!.found, s.kinds.calls!.located, s.kinds.calls!.matched, s.kinds.calls!.right], [0, 1, 1, 0]);
    assert.deepEqual(s.findings.map((f) => [f.type, f.expected, f.got]), [['wrong-model', 'claude-sonnet-4', 'gpt-4.1']]);
  });

  it('a null label model accepts any model', async () => {
    const r = await report(ONE_CALL);
    const s = scoreFile({ ...base, score: ['calls'], calls: [{ line: 3, model: null }] }, r, none);
    assert.deepEqual([s.kinds.calls!.found, s.findings.length], [1, 0]);
  });

  it('also_at: a call reported at another fair anchor of the site is found', async () => {
    const r = await report(ONE_CALL);
    const s = scoreFile({ ...base, score: ['calls'], calls: [{ line: 40, model: 'gpt-4.1', also_at: [3] }] }, r, none);
    assert.equal(s.kinds.calls!.found, 1);
  });

  it('optional: a request inside a chat-model class is neither expected nor extra', async () => {
    const r = await report(ONE_CALL);
    const reported = scoreFile({ ...base, score: ['calls'], calls: [{ line: 3, model: null, optional: true }] }, r, none);
    assert.deepEqual([reported.kinds.calls!.expected, reported.kinds.calls!.reported, reported.findings.length], [0, 0, 0]);
    const notReported = scoreFile({ ...base, score: ['calls'], calls: [{ line: 30, model: null, optional: true }] }, r, none);
    assert.deepEqual([notReported.kinds.calls!.expected, notReported.kinds.calls!.reported], [0, 1], 'the unmatched report is still counted');
  });

  it('matches one to one: one report cannot satisfy two labels, and a required label wins over an optional one', async () => {
    const r = await report(ONE_CALL);
    const two = scoreFile({ ...base, score: ['calls'], calls: [{ line: 2, model: 'gpt-4.1' }, { line: 4, model: 'gpt-4.1' }] }, r, none);
    assert.deepEqual([two.kinds.calls!.expected, two.kinds.calls!.found], [2, 1]);
    const mixed = scoreFile({ ...base, score: ['calls'], calls: [{ line: 3, model: null, optional: true }, { line: 4, model: 'gpt-4.1' }] }, r, none);
    assert.deepEqual([mixed.kinds.calls!.expected, mixed.kinds.calls!.found, mixed.kinds.calls!.reported], [1, 1, 1]);
  });

  it('a report on a not_calls line is a trap taken', async () => {
    const r = await report(ONE_CALL);
    const s = scoreFile({ ...base, score: ['calls'], not_calls: [{ line: 3, note: 'constructor' }] }, r, none);
    assert.deepEqual([s.kinds.calls!.reported, s.kinds.calls!.matched, s.kinds.calls!.traps], [1, 0, 1]);
    assert.deepEqual(s.findings.map((f) => [f.type, f.note]), [['trap', 'constructor']]);
  });

  it('only the kinds listed in score are scored', async () => {
    const r = await report(ONE_CALL);
    const s = scoreFile({ ...base, score: ['loops'], calls: [{ line: 30, model: 'x' }] }, r, none);
    assert.deepEqual(Object.keys(s.kinds), ['loops']);
    assert.equal(s.findings.length, 0);
  });

  it('finds a loop starting within line-3 .. endLine+3 with the same bound, or spanning an also_at line', async () => {
    const r = await report(BOUNDED_LOOP);
    const score = (label: LoopLabel) => scoreFile({ ...base, score: ['loops'], agent_loops: [label] }, r, none).kinds.loops!;
    assert.equal(score({ line: 7, endLine: 9, bounded: true, steps: 5 }).found, 1, 'loop at 4 is within 7-3');
    assert.equal(score({ line: 8, endLine: 9, bounded: true, steps: 5 }).found, 0, 'loop at 4 is before 8-3');
    assert.equal(score({ line: 1, endLine: 1, bounded: true }).found, 1, 'loop at 4 is within endLine+3, any steps');
    assert.equal(score({ line: 30, endLine: 40, bounded: true, also_at: [6] }).found, 1, 'the loop spans line 6');
    const wrongSteps = score({ line: 4, endLine: 7, bounded: true, steps: 10 });
    assert.deepEqual([wrongSteps.found, wrongSteps.located, wrongSteps.matched], [0, 1, 1]);
    assert.equal(score({ line: 4, endLine: 7, bounded: false }).found, 0, 'bounded differs');
  });

  it('a loop on a not_loops line is a trap taken', async () => {
    const r = await report(BOUNDED_LOOP);
    const s = scoreFile({ ...base, score: ['loops'], not_loops: [{ line: 4, note: 'straight pipeline' }] }, r, none);
    assert.deepEqual([s.kinds.loops!.reported, s.kinds.loops!.traps], [1, 1]);
  });

  it('finds a prompt overlapping start..end ±1, and a loaded prompt file by any prompt reported in it', async () => {
    const r = await report(ONE_CALL);
    const at = (start: number, end: number) => scoreFile({ ...base, score: ['prompts'], prompts: [{ start, end }] }, r, none).kinds.prompts!;
    assert.equal(at(4, 6).found, 1, '±1: the prompt on line 3 touches 4-1');
    assert.equal(at(5, 6).found, 0);
    assert.deepEqual([at(5, 6).reported, at(5, 6).matched], [r.prompts.length, 0]);
    const loaded = (count: number) => scoreFile({ ...base, score: ['prompts'], prompts: [{ start: 3, end: 3 }, { path: 'prompts/system.md', start: 1, end: 20, loaded_at: 'a.ts:3' }] }, r, (p) => (p === 'prompts/system.md' ? count : 0)).kinds.prompts!;
    assert.deepEqual([loaded(1).expected, loaded(1).found], [2, 2]);
    assert.deepEqual([loaded(0).expected, loaded(0).found], [2, 1]);
  });

  it('a labeled file the scan did not report is all misses', () => {
    const s = scoreFile({ ...base, score: ['calls', 'loops', 'prompts'], calls: [{ line: 3, model: 'gpt-4.1' }], agent_loops: [{ line: 4, endLine: 7, bounded: true }], prompts: [{ start: 3, end: 3 }] }, undefined, none);
    assert.deepEqual([s.kinds.calls!.found, s.kinds.loops!.found, s.kinds.prompts!.found, s.findings.length], [0, 0, 0, 3]);
  });

  it('label checks catch a wrong commit, a file labeled twice and a call without model', () => {
    const entry = { repo: 'o/n', commit: 'c'.repeat(40) };
    const bad = [
      { ...base, commit: 'd'.repeat(40), score: ['calls'] },
      { ...base, score: ['calls'], calls: [{ line: 1 } as unknown as { line: number; model: null }] },
    ] as FileLabel[];
    const problems = checkLabels(bad, entry);
    assert.equal(problems.length, 3, problems.join('\n'));
  });
});
