import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const FRAGMENT = 'You are a careful research assistant. Cite every source you use and say when the sources disagree.\n';
const SENDER = [
  'from pathlib import Path',
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  'SYSTEM = (Path(__file__).parent / "prompts" / "system.txt").read_text()',
  '',
  'def answer(question):',
  '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}])',
  '',
].join('\n');

describe('prompt files in a repository (report/prompt-file-role.ts)', () => {
  it('a text file under prompts/ that the code sends is a prompt, not a call of its own, and adds nothing to the total', async () => {
    const r = await scanTree({ 'app/prompts/system.txt': FRAGMENT, 'app/prompts/fragments/tone.txt': FRAGMENT, 'app/send.py': SENDER });
    for (const path of ['app/prompts/system.txt', 'app/prompts/fragments/tone.txt']) {
      const f = file(r, path);
      assert.equal(f.calls.length, 0, path);
      assert.ok(f.prompts.length > 0, `${path} keeps its prompt`);
    }
    const sender = file(r, 'app/send.py');
    assert.equal(sender.calls.length, 1);
    // The only priced request is the code's: the total is that file's monthly cost.
    assert.equal(sender.monthlyCost.kind, 'priced');
    assert.deepEqual(r.totals.monthlyCost, sender.monthlyCost);
  });

  it('look-alikes: alone, or naming its own model, or in a runnable prompt format, a prompt file is still one call', async () => {
    const alone = await scanTree({ 'prompts/system.txt': FRAGMENT });
    assert.equal(file(alone, 'prompts/system.txt').calls.length, 1);
    const r = await scanTree({
      'prompts/summary.md': `---\nmodel: gpt-4o-mini\n---\n${FRAGMENT}`,
      'prompts/triage.prompt': `---\nmodel: gpt-4o-mini\n---\n${FRAGMENT}`,
      'app/send.py': SENDER,
    });
    assert.equal(file(r, 'prompts/summary.md').calls.length, 1);
    assert.equal(file(r, 'prompts/triage.prompt').calls.length, 1);
  });
});
