import * as assert from 'node:assert/strict';
import type { CallReport } from '../../../src/core/report/types';
import { routePattern } from '../../../src/core/repo/route-callers';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from './fixture-scan';

function requests(r: ScanResult, path: string): CallReport[] {
  return file(r, path).calls.filter((c) => c.role !== 'binding');
}

describe('repository model: the app’s own API route and the browser code that fetches it', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('own-route-proxy');
  });

  it('a proxy route spreading the body into the request runs on the model its senders write, split by the branch test', () => {
    const [classify, answer] = requests(r, 'app/api/llm/route.ts');
    assert.deepEqual([classify.line, classify.modelResolved], [15, 'gpt-4o-mini'], "only the classifier sends mode: 'classify'");
    assert.deepEqual(classify.modelSource?.at, { path: 'lib/classifier.ts', line: 6 });
    assert.deepEqual([answer.line, answer.modelResolved], [20, 'gpt-4.1'], 'the planner sends no mode: the else branch, through its helper’s callers');
    assert.deepEqual(answer.modelSource?.at, { path: 'lib/planner.ts', line: 27 });
    assert.match(answer.modelSource?.detail ?? '', /\/api\/llm/);
  });

  it('after an if (…) { return … } guard the request takes the senders that fail the guard (query string and trailing slash ignored)', () => {
    const [streamed, whole] = requests(r, 'app/api/summarize/route.ts');
    assert.deepEqual([streamed.line, streamed.modelResolved], [14, 'claude-sonnet-4-5'], 'the sender that writes stream: true');
    assert.deepEqual([whole.line, whole.modelResolved], [19, 'claude-haiku-4-5'], 'the sender without stream, its model a constant');
    assert.deepEqual(whole.modelSource?.at, { path: 'lib/summary.ts', line: 1 });
  });

  it('a while (true) tool loop reaching the request only through fetch to the app’s own route is an agent loop, unbounded', () => {
    const loops = file(r, 'lib/planner.ts').agentLoops;
    assert.deepEqual(loops.map((l) => [l.line, l.bounded]), [[15, false]]);
  });

  it('traps: a fetch of an external URL and a GET without a body send nothing to the route; no loop elsewhere', () => {
    for (const path of ['lib/classifier.ts', 'components/Chat.tsx']) {
      const f = r.files.find((x) => x.path === path);
      assert.equal(f?.agentLoops.length ?? 0, 0, path);
    }
    assert.ok(!requests(r, 'app/api/llm/route.ts').some((c) => c.modelResolved === 'gpt-3.5-turbo'), 'the external post is not a sender of /api/llm');
  });

  it('route files map to the URL paths they answer (app router, groups, dynamic segments, pages/api)', () => {
    assert.ok(routePattern('src/app/api/responses/route.ts')?.test('/api/responses'));
    assert.ok(routePattern('app/(chat)/api/chat/[id]/route.ts')?.test('/api/chat/42'));
    assert.ok(!routePattern('app/(chat)/api/chat/[id]/route.ts')?.test('/api/chat'));
    assert.ok(routePattern('pages/api/generate.ts')?.test('/api/generate'));
    assert.ok(routePattern('pages/api/agent/index.ts')?.test('/api/agent'));
    assert.equal(routePattern('lib/route.ts'), undefined);
    assert.equal(routePattern('pages/about.tsx'), undefined);
  });
});
