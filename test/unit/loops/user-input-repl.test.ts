/**
 * A REPL is one pass per user turn, not an agent loop: the read is known by what the callee is through the file's
 * imports (user-input.ts), not by its spelling. prompt_toolkit's `prompt` imported bare, rich's `Prompt` under another
 * name, a `PromptSession` held on an attribute, a Node readline interface's `question`. Look-alikes: a repository
 * function of its own named `prompt` (no import) and a loop whose read sits in an exception handler stay agent loops.
 */
import * as assert from 'node:assert/strict';
import { readsUserInput } from '../../../src/core/repo/user-input';
import { scanTree } from '../repo/fixture-scan';

const ASSISTANT = `
from openai import OpenAI

client = OpenAI()


class Assistant:
    def __init__(self):
        self.history = []

    def chat(self, text):
        self.history.append({"role": "user", "content": text})
        reply = client.chat.completions.create(model="gpt-4o", messages=self.history)
        self.history.append({"role": "assistant", "content": reply.choices[0].message.content})
        return reply.choices[0].message.content
`;

describe('loops: REPLs known by the reading call their imports name', () => {
  it('reads: bare prompt_toolkit prompt, aliased rich Prompt, a PromptSession attribute, readline question, prompt libraries', () => {
    const imp = (local: string, module: string, name?: string) => ({ local, module, ...(name ? { name } : {}), line: 1 });
    assert.ok(readsUserInput('prompt', [imp('prompt', 'prompt_toolkit', 'prompt')]));
    assert.ok(readsUserInput('Ask.ask', [imp('Ask', 'rich.prompt', 'Prompt')]));
    assert.ok(readsUserInput('self.chat_session.prompt_async', [imp('PromptSession', 'prompt_toolkit', 'PromptSession')]));
    assert.ok(readsUserInput('rl.question', [imp('readline', 'node:readline/promises')]));
    assert.ok(readsUserInput('terminal.question', [imp('createInterface', 'readline', 'createInterface')]));
    assert.ok(readsUserInput('select', [imp('select', '@inquirer/prompts', 'select')]));
    assert.ok(readsUserInput('inquirer.prompt', [imp('inquirer', 'inquirer', 'default')]));
    // Look-alikes: the repository's own `prompt`, a prompt_toolkit style, a method named question with no readline.
    assert.ok(!readsUserInput('prompt', [imp('prompt', './prompts', 'prompt')]));
    assert.ok(!readsUserInput('prompt', []));
    assert.ok(!readsUserInput('Style.from_dict', [imp('Style', 'prompt_toolkit.styles', 'Style')]));
    assert.ok(!readsUserInput('quiz.question', [imp('OpenAI', 'openai', 'default')]));
  });

  it('a while True whose pass starts with a bare prompt_toolkit prompt is a REPL, not an agent loop', async () => {
    const r = await scanTree({
      'assistant.py': ASSISTANT,
      'cli.py': `
from prompt_toolkit import prompt
from assistant import Assistant


def main():
    bot = Assistant()
    while True:
        text = prompt("You: ").strip()
        if text == "quit":
            break
        print(bot.chat(text))
`,
    });
    const loops = r.files.flatMap((f) => f.agentLoops.map((l) => `${f.path}:${l.line}`));
    assert.ok(!loops.includes('cli.py:8'), `REPL not reported (have ${loops.join(', ')})`);
  });

  it("look-alike: a loop around the repository's own `prompt` helper (no reading import) stays an agent loop", async () => {
    const r = await scanTree({
      'assistant.py': ASSISTANT,
      'cli.py': `
from assistant import Assistant


def prompt(text):
    return "Continue: " + text


def main(task):
    bot = Assistant()
    steps = 0
    while True:
        text = prompt(task)
        answer = bot.chat(text)
        steps += 1
        if "DONE" in answer or steps >= 6:
            break
`,
    });
    const loop = r.files.find((f) => f.path === 'cli.py')?.agentLoops.find((l) => l.line === 12);
    assert.ok(loop, `agent loop kept (have ${JSON.stringify(r.files.map((f) => [f.path, f.agentLoops.map((l) => l.line)]))})`);
    assert.equal(loop.bounded, true);
  });
});
