import * as assert from 'node:assert/strict';
import { promptNameMentions } from '../../../src/core/repo/unsent-prompts';

describe('repo: prompt-named identifiers counted in a file', () => {
  it('counts each whole word that holds prompt or instruction, in any case, and nothing else', () => {
    const text = [
      'SYSTEM_PROMPT = """You are terse."""',
      'def build(): return SYSTEM_PROMPT + extra_instructions',
      'model = "gpt-4o"  # the prompt is above',
      'print(SYSTEM_PROMPT)',
    ].join('\n');
    assert.deepEqual(promptNameMentions(text), { SYSTEM_PROMPT: 3, extra_instructions: 1, prompt: 1 });
  });

  it('has nothing to say about a file without such words', () => {
    assert.equal(promptNameMentions('x = 1\nprint(x)\n'), undefined);
  });

  it('reads a file made of one huge word (the pattern must not backtrack through it) and still finds a name after it', () => {
    const text = `BLOB = "${'x'.repeat(100_000)}"\nuser_prompt = BLOB`;
    assert.deepEqual(promptNameMentions(text), { user_prompt: 1 });
  });
});
