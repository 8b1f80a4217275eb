/**
 * The index process (the editor's repository index out of the extension host): a document analysed
 * through it gets the report the scan and the in-process index give for the same file; files changed
 * on disk reach it; a cancelled analysis is dropped without touching the index; a process that dies
 * leaves the editor pricing documents alone. Runs the compiled script (out/src/node/index-process.js).
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { FileReport } from '../../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { analyzeDocument, WorkspaceIndexes } from '../../../src/extension/analysis/workspace-indexes';
import { AnalysisCancelled, IndexProcess, indexProcessScript } from '../../../src/node/index-process-client';
import { indexRequestProblem, isIndexReply } from '../../../src/node/index-process-protocol';
import { scanPaths } from '../../../src/node/scan';

const REPOS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos');
const catalog = getBundledCatalog();
const env = { catalog, assumptions: DEFAULT_ASSUMPTIONS };
const OPTIONS = { exclude: [], maxFileBytes: 1024 * 1024, jobs: 0 };

const started: IndexProcess[] = [];
after(() => started.forEach((p) => p.dispose()));

async function indexOf(root: string, onExit?: (why: string) => void): Promise<IndexProcess> {
  const index = new IndexProcess(root, OPTIONS, onExit);
  started.push(index);
  await index.index();
  return index;
}

const importedPrompt = (r: FileReport) => r.calls[0].assumed.some((a) => a.includes('imported from ./lib/prompts'));

describe('repository index in its own process: the editor and the scan agree', () => {
  it('the compiled process script is found beside the client', () => {
    assert.ok(indexProcessScript(), 'out/src/node/index-process.js');
  });

  it('a document analysed through the process gets the scan’s and the in-process index’s report', async () => {
    const dir = join(REPOS, 'ts-imported-prompt');
    const text = readFileSync(join(dir, 'src', 'review.ts'), 'utf8');
    const scanned = (await scanPaths([dir], { ...env, resolveModel, root: dir, cwd: dir })).files.find((f) => f.path === 'src/review.ts')!;
    const local = new WorkspaceRepository(dir);
    await local.index();
    const inHost = await analyzeText(text, 'src/review.ts', 'typescript', env, local);
    const index = await indexOf(dir);
    assert.equal(index.isBuilt(), true);
    const viaProcess = await analyzeText(text, 'src/review.ts', 'typescript', env, index);
    assert.deepEqual(viaProcess.calls, scanned.calls);
    assert.deepEqual(viaProcess, inHost);
    assert.ok(importedPrompt(viaProcess), viaProcess.calls[0].assumed.join('; '));
    assert.deepEqual((await index.modelMentions()).sort((a, b) => a.model.localeCompare(b.model)), (await local.modelMentions()).sort((a, b) => a.model.localeCompare(b.model)));
  });

  it('a file changed on disk is seen by the next analysis', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenomics-index-process-'));
    try {
      cpSync(join(REPOS, 'helper-model'), dir, { recursive: true });
      const index = await indexOf(dir);
      const text = readFileSync(join(dir, 'app', 'agent.py'), 'utf8');
      assert.equal((await analyzeText(text, 'app/agent.py', 'python', env, index)).calls[0].modelResolved, 'gpt-4o-mini');
      writeFileSync(join(dir, 'app', 'models.py'), 'def get_model_name():\n    return "gpt-4.1-mini"\n');
      await index.fileChanged('app/models.py');
      assert.equal((await analyzeText(text, 'app/agent.py', 'python', env, index)).calls[0].modelResolved, 'gpt-4.1-mini');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cancelled analysis is dropped in the process and leaves the indexed facts as they were', async () => {
    const dir = join(REPOS, 'ts-imported-prompt');
    const text = readFileSync(join(dir, 'src', 'review.ts'), 'utf8');
    const index = await indexOf(dir);
    // A long analysis first, so the cancel reaches the process while the second one waits its turn.
    const long = analyzeText(Array.from({ length: 300 }, (_, i) => text.replace(/review/g, `review${i}`)).join('\n'), 'src/long.ts', 'typescript', env, index);
    const cancelled = analyzeText(text.replace(/import[^\n]*prompts[^\n]*\n/, ''), 'src/review.ts', 'typescript', { ...env, isCancelled: () => true }, index);
    await assert.rejects(cancelled, AnalysisCancelled);
    await long;
    assert.ok(importedPrompt(await analyzeText(text, 'src/review.ts', 'typescript', env, index)), 'the stored facts of review.ts were not replaced by the cancelled version');
  });

  it('a process that dies is reported once, and the editor prices the document alone again', async () => {
    const dir = join(REPOS, 'ts-imported-prompt');
    const text = readFileSync(join(dir, 'src', 'review.ts'), 'utf8');
    const exits: string[] = [];
    const built: string[] = [];
    let index: IndexProcess | undefined;
    const indexes = new WorkspaceIndexes(
      (root) => (index = new IndexProcess(root, OPTIONS, (why) => exits.push(why))),
      { built: (root) => built.push(root), failed: () => undefined },
    );
    const input = { text, path: 'src/review.ts', languageId: 'typescript', root: dir };
    assert.equal((await analyzeDocument(input, env, indexes)).withIndex, false);
    await index!.index();
    assert.equal((await analyzeDocument(input, env, indexes)).withIndex, true);
    process.kill(index!.pid!, 'SIGKILL');
    const after = await analyzeDocument(input, env, indexes);
    assert.equal(after.withIndex, false);
    assert.equal(after.report!.calls.length, 1, 'priced alone');
    assert.equal(exits.length, 1);
    assert.match(exits[0], /index process was killed \(SIGKILL\)/);
    indexes.dispose();
  });

  it('a process that cannot start rejects the build with the reason', async () => {
    const index = new IndexProcess(join(REPOS, 'ts-imported-prompt'), OPTIONS, undefined, join(tmpdir(), 'no-such-index-process.js'));
    started.push(index);
    await assert.rejects(index.index(), /index process exited with code 1: .*Cannot find module/);
    assert.equal(index.isBuilt(), false);
    await assert.rejects(index.analyze('x = 1', 'a.py', 'python', env), /not built/);
  });

  it('checks what crosses the channel in both directions', () => {
    assert.equal(indexRequestProblem({ type: 'analyze', id: 1, text: 'x', path: 'a.py', languageId: 'python', assumptions: {} }), undefined);
    assert.match(indexRequestProblem({ type: 'analyze', id: -1, text: 'x', path: 'a.py', languageId: 'python', assumptions: {} })!, /malformed/);
    assert.match(indexRequestProblem({ type: 'build', root: '', options: OPTIONS })!, /no folder/);
    assert.match(indexRequestProblem({ type: 'catalog', catalog: {} })!, /catalog/);
    assert.match(indexRequestProblem({ type: 'nope' })!, /unknown/);
    assert.equal(isIndexReply({ type: 'report', id: 2, report: { path: 'a.py', calls: [] }, ms: 3 }), true);
    assert.equal(isIndexReply({ type: 'report', id: 2, report: {} }), false);
    assert.equal(isIndexReply({ type: 'built' }), false);
  });
});
