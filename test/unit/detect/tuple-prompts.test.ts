import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('detect: a prompt-named text written as a one-item tuple (a stray trailing comma)', () => {
  it('the text inside the tuple is the prompt; a tuple of a name, or of several texts, is not', async () => {
    const f = await detectFile(
      `def build(state):
    system_message = (
        "You are a researcher who reads the filings of a company and writes a report on its health."
        + " Finish with a Markdown table of the key figures."
        + language_hint(),
    )
    system_prompt = (BASE_PROMPT,)
    prompt_pair = ("first text of the pair, long enough to count", "second text of the pair, long enough")
    return system_message
`,
      'analyst.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.endLine]),
      [[3, 5]],
    );
  });
});
