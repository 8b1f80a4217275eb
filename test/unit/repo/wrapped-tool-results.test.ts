/**
 * An agent loop that keeps user-role messages in an outbox: tool results wrapped in tags and joined into the next
 * user message (`"\n".join(f"<tool_response>{r}</tool_response>" for r in results)`), a synthetic result for a call
 * left unanswered (built in a method whose guards `return None` first), and a module constant put in front of the
 * first user message (`task = f"{_QUOTING_HINT}\n{task}"`). Questions put to the person running the agent
 * (`input(prompt)`, `InputRequest(prompt=…)`, an `_approval_prompt` helper) are not prompts.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths, type ScanResult } from '../../../src/node/scan';

const AGENT = `from openai import OpenAI

_CLIENT = OpenAI()

_QUOTING_HINT = (
    "When running shell commands, quote every path that contains spaces "
    "so the shell does not split it."
)

_UNUSED_NOTE = "This note is written here but never sent to any model at all."


def user_msg(content):
    return {"role": "user", "content": content}


def _approval_prompt(command):
    return f"The agent wants to run this command: {command}. Do you approve it? (yes/no)"


class InputRequest:
    def __init__(self, prompt):
        self.prompt = prompt


class Agent:
    def send(self, pending):
        return _CLIENT.chat.completions.create(model="gpt-4o", messages=pending)

    async def close_orphan(self, history, calls):
        if not history:
            return None
        if not calls:
            return None
        if history[-1] is None:
            return None
        if len(calls) > 10:
            return None
        parts = []
        for c in calls:
            if c is None:
                parts.append("<result>The previous call could not be parsed and gave nothing.</result>")
                continue
            parts.append(f"<result>{await self.summarize(c)}</result>")
        return user_msg("\\n".join(parts))

    async def summarize(self, name):
        return f"The previous {name} call was interrupted before it returned anything useful."

    async def run(self, task, history, calls):
        task = f"{_QUOTING_HINT}\\n{task}"
        pending = []
        orphan = await self.close_orphan(history, calls)
        if orphan is not None:
            pending.append(orphan)
        pending.append(user_msg(task))
        while True:
            reply = self.send(pending)
            results = [str(reply)]
            ask = InputRequest(prompt=_approval_prompt(str(reply)))
            prompt = f"The agent has taken {len(results)} steps without finishing the task. Continue?"
            answer = input(prompt)
            if answer != "yes":
                return ask
            labels = ", ".join(f"step {r} finished here" for r in results)
            print(labels)
            combined = "\\n".join(f"<tool_response>{r.strip()}</tool_response>" for r in results)
            pending.append(user_msg(combined))
`;

async function scanAgent(): Promise<ScanResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wrapped-tool-results-'));
  try {
    writeFileSync(join(dir, 'agent.py'), AGENT);
    return await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lineOf = (needle: string): number => AGENT.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('tool results wrapped in tags, synthetic results and a prepended constant, sent as user messages', () => {
  let lines: number[] = [];
  before(async () => {
    const r = await scanAgent();
    lines = r.files.find((f) => f.path === 'agent.py')?.prompts.map((p) => p.line) ?? [];
  });

  it('reads the tag each joined tool result is wrapped in', () => {
    assert.ok(lines.includes(lineOf('<tool_response>')), String(lines));
  });

  it('reads the synthetic result built after guards that return None, and the text of the helper it splices', () => {
    assert.ok(lines.includes(lineOf('could not be parsed')), String(lines));
    assert.ok(lines.includes(lineOf('was interrupted before')), String(lines));
  });

  it('reads the module constant put in front of the first user message, not one never sent', () => {
    assert.ok(lines.includes(lineOf('"When running shell commands')), String(lines));
    assert.ok(!lines.includes(lineOf('_UNUSED_NOTE =')), String(lines));
  });

  it('leaves out a joined text only printed, and the questions asked of the person', () => {
    assert.ok(!lines.includes(lineOf('finished here')), String(lines));
    assert.ok(!lines.includes(lineOf('Do you approve it?')), String(lines));
    assert.ok(!lines.includes(lineOf('Continue?')), String(lines));
  });
});
