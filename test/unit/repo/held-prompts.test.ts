import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { CallReport } from '../../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { scanPaths, type ScanResult } from '../../../src/node/scan';

const REPOS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos');
const catalog = getBundledCatalog();
const options = { catalog, assumptions: DEFAULT_ASSUMPTIONS };

function scan(name: string): Promise<ScanResult> {
  const dir = join(REPOS, name);
  return scanPaths([dir], { ...options, resolveModel, root: dir });
}

function callsOf(r: ScanResult, path: string): readonly CallReport[] {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported (have ${r.files.map((x) => x.path).join(', ')})`);
  return f.calls;
}

async function alone(repo: string, path: string): Promise<CallReport> {
  const report = await analyzeText(readFileSync(join(REPOS, repo, path), 'utf8'), path, 'python', options);
  return report.calls[0];
}

describe('repository model: prompts held by instance attributes, counted in the request that sends them', () => {
  it('a prompt class reached through self.<attr> (set in the constructor) is counted once, at the request, with the subclass override', async () => {
    const r = await scan('prompt-class');
    const [request] = callsOf(r, 'coder/llm.py');
    // EditPrompts.main_system (line 7) and EditPrompts.reminder (line 12), which overrides BasePrompts.reminder (line 2).
    assert.deepEqual(request.loadedPrompts, [
      { path: 'coder/prompts.py', line: 7 },
      { path: 'coder/prompts.py', line: 12 },
    ]);
    assert.ok(request.assumed.some((a) => a.startsWith('self.prompts.main_system: EditPrompts.main_system (coder/prompts.py:7)')), request.assumed.join('; '));
    const without = await alone('prompt-class', 'coder/llm.py');
    assert.ok(request.inputTokens > without.inputTokens + 80, `${request.inputTokens} counts the held prompts (alone: ${without.inputTokens})`);
    // The caller is a use of the request, not a second site that counts the prompts again.
    assert.deepEqual(r.files.filter((f) => f.calls.length > 0).map((f) => f.path), ['coder/llm.py']);
  });

  it('does not count a subclass mode (ReviewAssistant) nor the prompts a test sends through the same helper', async () => {
    const [request] = callsOf(await scan('prompt-class'), 'coder/llm.py');
    const lines = (request.loadedPrompts ?? []).map((p) => p.line);
    assert.ok(!lines.includes(16), 'ReviewPrompts.main_system (another mode, and the test fake) is not counted');
    assert.ok(!lines.includes(3), 'BasePrompts.closing, read only by the ReviewAssistant mode, is not counted');
    assert.ok(!lines.includes(2), 'the overridden BasePrompts.reminder is not counted');
  });

  it('several subclasses setting the prompt class: the common base prompt class is counted, and the assumption says so', async () => {
    const [request] = callsOf(await scan('prompt-modes'), 'tool/llm.py');
    assert.deepEqual(request.loadedPrompts, [{ path: 'tool/prompts.py', line: 2 }]);
    const note = request.assumed.find((a) => a.startsWith('self.prompts.files_prefix:'));
    assert.ok(note?.includes('set by 2 subclasses of Mode') && note.includes('common base ModePrompts'), request.assumed.join('; '));
  });

  it('template fields of a settings class filled from the YAML the code loads are counted from that file, not from a look-alike mapping', async () => {
    const [request] = callsOf(await scan('config-templates'), 'agent/model.py');
    // agent.templates.system_template (line 7) and instance_template (line 10); reviewer.system_template (line 2)
    // sits beside a key TemplateConfig lacks (rounds), so it fills another class.
    assert.deepEqual(request.loadedPrompts, [
      { path: 'config/default.yaml', line: 7 },
      { path: 'config/default.yaml', line: 10 },
    ]);
    assert.ok(request.assumed.some((a) => a.includes('filled from config/default.yaml (agent.templates.system_template)')), request.assumed.join('; '));
    const without = await alone('config-templates', 'agent/model.py');
    assert.ok(request.inputTokens > without.inputTokens + 40, `${request.inputTokens} counts the templates (alone: ${without.inputTokens})`);
  });

  for (const [repo, path] of [
    ['prompt-class', 'coder/llm.py'],
    ['config-templates', 'agent/model.py'],
  ] as const) {
    it(`the editor counts the same held prompts as the scan (${repo})`, async () => {
      const dir = join(REPOS, repo);
      const scanned = callsOf(await scan(repo), path);
      const workspace = new WorkspaceRepository(dir);
      await workspace.index();
      const edited = await analyzeText(readFileSync(join(dir, path), 'utf8'), path, 'python', options, workspace);
      assert.ok(scanned[0].loadedPrompts?.length, 'the scan links held prompts');
      assert.deepEqual(edited.calls, scanned);
    });
  }
});
