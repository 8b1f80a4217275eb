import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { catalog, file, REPOS, scan } from './fixture-scan';

const options = { catalog, assumptions: DEFAULT_ASSUMPTIONS };

/**
 * test/fixtures/repos/sent-texts: every request goes through a wrapper class (`Writer.ask` → `Writer.follow_up` →
 * `messages.create`); the steps pass their prompts as arguments (`writer.ask(system_for_outline(texts), f"…")`)
 * and pick instruction files, extension-less, from a folder read whole into a mapping (`texts["tone"]`).
 */
describe('repository model: prompts passed to the repository wrappers, and prompt folders read by key', () => {
  it('texts passed where the wrapper sends them are prompts of the file that writes them: arguments, a returned text, a local built with +=', async () => {
    const steps = file(await scan('sent-texts'), 'scribe/steps.py');
    const lines = steps.prompts.map((p) => p.line).sort((a, b) => a - b);
    // 7: returned by system_for_outline (passed as `system`); 12: the f-string question; 17, 18: the local question and
    // its `+=`; 23: the system text and the remark of follow_up.
    assert.deepEqual(lines, [7, 12, 17, 18, 23, 23]);
    const question = steps.prompts.find((p) => p.line === 12)!;
    assert.deepEqual(question.placeholders.map((p) => p.name), ['topic']);
  });

  it('a text passed to a parameter that never reaches the request (a log label) is not a prompt, nor is a print', async () => {
    const steps = file(await scan('sent-texts'), 'scribe/steps.py');
    // Line 12 passes the question and a label: only the question; line 19 passes only a label; line 29 prints.
    assert.equal(steps.prompts.filter((p) => p.line === 12).length, 1);
    assert.ok(!steps.prompts.some((p) => p.line === 19 || p.line === 29), steps.prompts.map((p) => p.line).join(', '));
  });

  it('files of a code-named folder of text files (no extension) picked by key are loaded prompt files; a file no key picks and a data folder are not', async () => {
    const r = await scan('sent-texts');
    const loaded = r.files.filter((f) => f.path.startsWith('scribe/instructions/') || f.path.startsWith('scribe/samples/')).map((f) => f.path).sort();
    assert.deepEqual(loaded, ['scribe/instructions/outline', 'scribe/instructions/polish', 'scribe/instructions/tone']);
    for (const path of loaded) assert.ok(file(r, path).prompts[0].tokens > 5, `${path}: its text is counted`);
  });

  it("the request counts the texts of one caller's request (the largest), with the files it picks, in its input", async () => {
    const call = file(await scan('sent-texts'), 'scribe/llm.py').calls[0];
    const linked = (call.loadedPrompts ?? []).map((l) => `${l.path}:${l.line}`).sort();
    assert.deepEqual(linked, ['scribe/instructions/outline:1', 'scribe/instructions/tone:1', 'scribe/steps.py:12', 'scribe/steps.py:7']);
    const alone = await analyzeText(readFileSync(join(REPOS, 'sent-texts', 'scribe/llm.py'), 'utf8'), 'scribe/llm.py', 'python', options);
    assert.ok(call.inputTokens > alone.calls[0].inputTokens + 40, `${call.inputTokens} > ${alone.calls[0].inputTokens} + 40`);
  });

  it('the editor counts the same sent texts as the scan', async () => {
    const dir = join(REPOS, 'sent-texts');
    const scanned = file(await scan('sent-texts'), 'scribe/llm.py').calls;
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const edited = await analyzeText(readFileSync(join(dir, 'scribe/llm.py'), 'utf8'), 'scribe/llm.py', 'python', options, workspace);
    assert.ok(scanned[0].loadedPrompts?.length);
    assert.deepEqual(edited.calls, scanned);
  });
});
