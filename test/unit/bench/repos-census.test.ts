import * as assert from 'node:assert/strict';
import { analyzeFile } from '../../../src/core/report/analyze';
import type { FileReport } from '../../../src/core/report/types';
import type { FileLabel } from '../../../bench/repos/labels';
import { scoreFile } from '../../../bench/repos/score';
import { censusOfRepo, firstSightSets, summarizeCensus, summarizeKinds, type RepoCensus } from '../../../bench/repos/census';
import { callTags, loopTags, promptTags } from '../../../bench/repos/census-tags';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from '../report/catalog-fixture';
import { file, scan } from '../repo/fixture-scan';

const env = { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS };

// lines 4-7: a loop of 5 around a request on gpt-4.1 (line 5); line 10: a second request, outside it.
const LOOPED = `import OpenAI from 'openai';
const c = new OpenAI();
export async function run() {
  for (let i = 0; i < 5; i++) {
    const r = await c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'system', content: 'You plan the next step of the task.' }] });
    if (!r.choices[0].message.tool_calls) return r;
  }
}
const SYSTEM = 'Summarise the notes the user gives you.';
export const summary = () => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'system', content: SYSTEM }] });
`;

const base = { repo: 'o/n', commit: 'c'.repeat(40) };

async function looped(path = 'src/a.ts'): Promise<FileReport> {
  return analyzeFile(LOOPED, path, undefined, env);
}

function censusOf(files: readonly FileReport[], labels: readonly FileLabel[], firstSightRole?: 'held-out', set?: number): RepoCensus {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const scores = labels.map((l) => scoreFile(l, byPath.get(l.path), (p) => byPath.get(p)?.prompts ?? []));
  return censusOfRepo({ repo: 'o/n', role: 'tuning', ...(firstSightRole ? { firstSightRole } : {}) }, files, scores, set);
}

describe('rule census: provenance tags', () => {
  it('an SDK request, the hand-written loop around it and the prompts they send say which rule found them', async () => {
    const r = await looped();
    assert.deepEqual(r.calls.map((c) => [c.line, c.rule]), [[5, 'sdk-call'], [10, 'sdk-call']]);
    assert.deepEqual(r.agentLoops.map((l) => [l.line, l.rule]), [[4, 'in-file-loop']]);
    assert.deepEqual(callTags(r.calls[0], r.path).map((t) => `${t.dimension}|${t.tag}|${t.kind}`), ['call|sdk-call|framework-contract', 'model|model:code-in-file|framework-contract']);
    assert.deepEqual(loopTags(r.agentLoops[0]).map((t) => t.tag), ['in-file-loop', 'bound:loop-header']);
    // A message literal is found by its place ({role, content}); the constant it names is a prompt by its name.
    const tagAt = (line: number): string[] => r.prompts.filter((p) => p.line === line).map((p) => promptTags(p)[0].tag);
    assert.ok(r.prompts.every((p) => p.reason), 'each prompt keeps its reason');
    assert.deepEqual(tagAt(5), ['role-message']);
    assert.equal(tagAt(9).length, 1);
    assert.notEqual(tagAt(9)[0], 'other-reason');
  });

  it("repository rules: a request on the repository's own chat-model family, a loop through the call graph", async () => {
    const family = await scan('py-chat-family');
    const answer = file(family, 'app/answer.py');
    assert.deepEqual(answer.calls.map((c) => c.rule), ['py-chat-family', 'py-chat-family']);
    // The model is the default of the class the factory picks, in another file.
    assert.equal(callTags(answer.calls[0], answer.path)[1].tag, 'model:code-other-file');
    const conversation = file(await scan('loops-module-call'), 'research/conversation.py');
    assert.deepEqual(conversation.agentLoops.map((l) => [l.line, l.rule]), [[12, 'call-graph-loop']]);
    assert.equal(loopTags(conversation.agentLoops[0])[0].kind, 'data-flow');
  });
});

describe('rule census: counting', () => {
  it('a right site credits every tag; a wrong model blames the model rule only; an extra report blames the rule that found it', async () => {
    const r = await looped();
    const census = censusOf(
      [r],
      [{ ...base, path: r.path, score: ['calls'], calls: [{ line: 5, model: 'gpt-4.1' }, { line: 10, model: 'gpt-4o' }] }],
    );
    assert.deepEqual([census.tags['call|sdk-call'].right, census.tags['call|sdk-call'].wrong], [2, 0]);
    assert.deepEqual([census.tags['model|model:code-in-file'].right, census.tags['model|model:code-in-file'].wrong], [1, 1]);
    assert.equal(census.tags['call|sdk-call'].fired, 2);

    const extra = censusOf([r], [{ ...base, path: r.path, score: ['calls'], calls: [{ line: 5, model: 'gpt-4.1' }], not_calls: [{ line: 10 }] }]);
    assert.deepEqual([extra.tags['call|sdk-call'].right, extra.tags['call|sdk-call'].wrong], [1, 1], 'the trap taken at line 10');
    assert.deepEqual([extra.tags['model|model:code-in-file'].right, extra.tags['model|model:code-in-file'].wrong], [1, 0], "a trap's model is not the model rule's fault");
  });

  it('loops: a wrong bound blames the bound rule, not the loop rule; a label nothing is found at is a miss', async () => {
    const r = await looped();
    const census = censusOf([r], [{ ...base, path: r.path, score: ['loops', 'calls'], agent_loops: [{ line: 4, endLine: 7, bounded: true, steps: 4 }], calls: [{ line: 5, model: 'gpt-4.1' }, { line: 10, model: 'gpt-4.1' }, { line: 14, model: 'gpt-4.1' }] }]);
    assert.deepEqual([census.tags['loop|in-file-loop'].right, census.tags['loop|in-file-loop'].wrong], [1, 0]);
    assert.deepEqual([census.tags['bound|bound:loop-header'].right, census.tags['bound|bound:loop-header'].wrong], [0, 1]);
    assert.deepEqual(census.misses, { prompts: 0, calls: 1, loops: 0 });
  });

  it('files outside the runtime scope do not count as firing; unlabeled files do', async () => {
    const runtime = await looped('src/a.ts');
    const test = await looped('tests/a.test.ts');
    assert.equal(test.scope, 'test');
    const census = censusOf([runtime, test], []);
    assert.equal(census.tags['call|sdk-call'].fired, 2);
    assert.equal(census.tags['call|sdk-call'].right, 0);
  });

  it('summed over repositories, split by the role each had at first sight', async () => {
    const r = await looped();
    const right: FileLabel = { ...base, path: r.path, score: ['calls', 'loops'], calls: [{ line: 5, model: 'gpt-4.1' }, { line: 10, model: 'gpt-4.1' }], agent_loops: [{ line: 4, endLine: 7, bounded: true, steps: 5 }] };
    const wrong: FileLabel = { ...base, path: r.path, score: ['calls', 'loops'], calls: [{ line: 5, model: 'gpt-4.1' }], not_calls: [{ line: 10 }], not_loops: [{ line: 4 }] };
    const summary = summarizeCensus([censusOf([r], [right], undefined, 0), censusOf([r], [right], 'held-out', 2), censusOf([r], [wrong], 'held-out', 1)]);
    assert.deepEqual(summary.repos, { tuning: 1, 'held-out': 2 });
    const row = (key: string) => summary.rows.find((x) => `${x.dimension}|${x.tag}` === key)!;
    assert.deepEqual(row('call|sdk-call').rightRepos, { tuning: 1, 'held-out': 2 });
    assert.deepEqual(row('call|sdk-call').wrong, { tuning: 0, 'held-out': 1 });
    assert.deepEqual(row('call|sdk-call').wrongRepos, { tuning: 0, 'held-out': 1 });
    assert.deepEqual(row('loop|in-file-loop').rightRepos, { tuning: 1, 'held-out': 1 });
    assert.deepEqual(row('loop|in-file-loop').firedRepos, { tuning: 1, 'held-out': 2 });
    assert.deepEqual(row('call|sdk-call').rightSets, [0, 1, 2]);
    assert.deepEqual(row('loop|in-file-loop').rightSets, [0, 2], 'the loop was a trap in set 1');
    const kinds = summarizeKinds(summary, 3);
    const callKind = kinds.find((k) => k.dimension === 'call' && k.kind === 'framework-contract')!;
    assert.deepEqual([callKind.tags, callKind.wideTags, callKind.singleRepoTags], [1, 1, 0]);
    const loopKind = kinds.find((k) => k.dimension === 'loop' && k.kind === 'language-idiom')!;
    assert.deepEqual([loopKind.wideTags, loopKind.singleRepoTags], [0, 0], 'right on two repositories: neither wide (3) nor one');
  });

  it('first-sight sets: tuning repositories are set 0, held-out ones numbered by the batches they were measured in', () => {
    const sets = firstSightSets([
      { repo: 'a', role: 'tuning', measuredAt: '2026-12-05T23:12:00Z' },
      { repo: 'b', role: 'held-out', measuredAt: '2026-12-05T23:24:00Z' },
      { repo: 'c', role: 'held-out', measuredAt: '2026-12-05T23:26:00Z' },
      { repo: 'e', role: 'held-out', measuredAt: '2026-12-06T04:59:00Z' },
      { repo: 'd', role: 'held-out', measuredAt: '2026-12-06T01:53:00Z' },
    ]);
    assert.deepEqual(Object.fromEntries(sets), { a: 0, b: 1, c: 1, d: 2, e: 3 });
  });
});
