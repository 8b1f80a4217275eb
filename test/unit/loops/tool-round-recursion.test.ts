/**
 * A tool loop written as recursion (tool-round-loops.ts): the function sends a request and, from a branch on the
 * model's tool calls, runs them, appends the results and calls itself again with what it was given. Unbounded unless
 * it leaves once a budget is spent (a running token total against a limit held on a config class in another module):
 * then bounded by the budget, priced at the steps whose running tokens stay within it. TypeScript spelling too.
 * Look-alikes: a retry that calls itself after a back-off, a walk that calls itself per child, and a conversation
 * carried on by recursion that reads the user's input on every call.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from '../repo/fixture-scan';

const loopsOf = (r: ScanResult, path: string) => r.files.find((f) => f.path === path)?.agentLoops ?? [];
const all = (r: ScanResult) => JSON.stringify(r.files.map((f) => [f.path, f.agentLoops.map((l) => [l.line, l.rule])]));

describe('loops: tool loops written as recursion', () => {
  it('a method calling itself after running the tool_use blocks, bounded by a token budget on a config class', async () => {
    const r = await scanTree({
      'settings.py': `
class Settings:
    MODEL = "claude-3-5-sonnet-20241022"
    TOKEN_BUDGET = 60000
`,
      'agent.py': `
import anthropic
from settings import Settings


class Agent:
    def __init__(self):
        self.client = anthropic.Anthropic()
        self.history = []
        self.used_tokens = 0

    def run_tools(self, block):
        return "ok"

    def complete(self):
        reply = self.client.messages.create(model=Settings.MODEL, max_tokens=1024, messages=self.history)
        self.used_tokens += reply.usage.input_tokens + reply.usage.output_tokens
        if self.used_tokens >= Settings.TOKEN_BUDGET:
            return "budget spent"
        if reply.stop_reason == "tool_use":
            results = [{"type": "tool_result", "tool_use_id": b.id, "content": self.run_tools(b)} for b in reply.content]
            self.history.append({"role": "assistant", "content": reply.content})
            self.history.append({"role": "user", "content": results})
            return self.complete()
        return reply.content[0].text
`,
    });
    const loop = loopsOf(r, 'agent.py').find((l) => l.line === 15);
    assert.ok(loop, `tool round found (have ${all(r)})`);
    assert.equal(loop.rule, 'tool-round-recursion');
    assert.equal(loop.bounded, true);
    assert.equal(loop.boundKind, 'cost-limit');
    // Each step resends the growing conversation: a 60k budget buys a few dozen steps at most, fewer than simulated.
    assert.ok(loop.maxSteps > 1 && loop.maxSteps < 200, `steps within the budget: ${loop.maxSteps}`);
    assert.equal(loop.stepsFrom, 'code');
  });

  it('a streamed generator calling itself with the same arguments on finish_reason tool_calls is unbounded', async () => {
    const r = await scanTree({
      'handler.py': `
from openai import OpenAI

client = OpenAI()


class Handler:
    def call_tool(self, messages, name, args):
        messages.append({"role": "tool", "content": "done", "tool_call_id": name})
        yield "ran"

    def get_completion(self, model, messages, functions):
        stream = client.chat.completions.create(model=model, messages=messages, tools=functions, stream=True)
        name = args = ""
        for chunk in stream:
            delta = chunk.choices[0].delta
            if delta.tool_calls:
                name = delta.tool_calls[0].function.name or name
                args += delta.tool_calls[0].function.arguments or ""
            if chunk.choices[0].finish_reason == "tool_calls":
                yield from self.call_tool(messages, name, args)
                yield from self.get_completion(model=model, messages=messages, functions=functions)
                return
            yield delta.content or ""
`,
    });
    const loop = loopsOf(r, 'handler.py').find((l) => l.line === 12);
    assert.ok(loop, `tool round found (have ${all(r)})`);
    assert.equal(loop.bounded, false);
  });

  it('TypeScript: a method returning its own call again when the answer asks for tools', async () => {
    const r = await scanTree({
      'src/agent.ts': `
import OpenAI from 'openai';

const client = new OpenAI();

export class Agent {
  messages: any[] = [];

  async ask(): Promise<string> {
    const res = await client.chat.completions.create({ model: 'gpt-4o', messages: this.messages });
    const msg = res.choices[0].message;
    if (msg.tool_calls?.length) {
      this.messages.push(msg);
      for (const call of msg.tool_calls) this.messages.push({ role: 'tool', tool_call_id: call.id, content: 'done' });
      return this.ask();
    }
    return msg.content ?? '';
  }
}
`,
    });
    const loop = loopsOf(r, 'src/agent.ts').find((l) => l.line === 9);
    assert.ok(loop, `tool round found (have ${all(r)})`);
    assert.equal(loop.bounded, false);
  });

  it('look-alikes: a retry after a back-off, a walk per child, a conversation that reads the user on every call', async () => {
    const r = await scanTree({
      'others.py': `
import time
from openai import OpenAI

client = OpenAI()


def ask_again(messages):
    reply = client.chat.completions.create(model="gpt-4o", messages=messages)
    if reply.choices[0].finish_reason == "tool_calls" and reply.usage is None:
        time.sleep(2)
        return ask_again(messages)
    return reply


def summarize_tree(node):
    text = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": node.text}])
    if node.tool_calls:
        for child in node.children:
            summarize_tree(child)
    return text


def converse(history):
    history.append({"role": "user", "content": input("> ")})
    reply = client.chat.completions.create(model="gpt-4o", messages=history)
    if reply.choices[0].finish_reason == "tool_calls":
        history.append({"role": "tool", "content": "done"})
        return converse(history)
    return reply
`,
    });
    assert.deepEqual(loopsOf(r, 'others.py').map((l) => l.line), [], all(r));
  });
});
