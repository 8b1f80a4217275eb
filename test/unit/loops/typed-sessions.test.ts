/**
 * An agent tool loop whose request goes through a parameter typed by a `Protocol` (`session: ProviderSession`,
 * built by a factory from one of several provider sessions): `for _ in range(max_steps)` with the bound in a
 * local, a callback defined in the body, `session.stream_turn(on_event)` as the request, and the tools' results
 * handed back through `session.append_tool_results(…)`, which the implementations append to their messages. The
 * call on the interface's stub runs an implementation's method, so the loop changes the session it sends with:
 * an agent loop of 20 steps. Look-alike: the same loop that never hands anything back draws samples of one
 * unchanged request (not an agent loop).
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from '../repo/fixture-scan';

const BASE = `from typing import Any, Protocol


class ProviderSession(Protocol):
    async def stream_turn(self, on_event: Any) -> Any:
        ...

    async def append_tool_results(self, turn: Any, results: list) -> None:
        ...
`;

const session = (cls: string, sdk: string, request: string) => `${sdk}
from app.base import ProviderSession


class ${cls}(ProviderSession):
    def __init__(self, client, model: str, messages: list):
        self._client = client
        self._model = model
        self._messages = messages

    async def stream_turn(self, on_event):
        response = ${request}
        await on_event(response)
        return response

    async def append_tool_results(self, turn, results):
        self._messages.append({"role": "tool", "content": results})
`;

const FACTORY = `from openai import AsyncOpenAI
from anthropic import AsyncAnthropic

from app.base import ProviderSession
from app.openai_session import OpenAISession
from app.anthropic_session import AnthropicSession


def create_provider_session(model: str, messages: list) -> ProviderSession:
    if model.startswith("claude"):
        return AnthropicSession(AsyncAnthropic(), model, messages)
    return OpenAISession(AsyncOpenAI(), model, messages)
`;

const engine = (handsBack: boolean) => `from app.base import ProviderSession
from app.factory import create_provider_session


class Engine:
    async def run_with_session(self, session: ProviderSession) -> str:
        max_steps = 20

        for _ in range(max_steps):
            seen = []

            async def on_event(event) -> None:
                seen.append(event)

            turn = await session.stream_turn(on_event)
            if not turn.tool_calls:
                return turn.text
            results = [await self.execute(call) for call in turn.tool_calls]
            ${handsBack ? 'await session.append_tool_results(turn, results)' : 'print(results)'}
        raise RuntimeError("too many turns")

    async def execute(self, call) -> str:
        return str(call)

    async def run(self, model: str, messages: list) -> str:
        return await self.run_with_session(create_provider_session(model, messages))
`;

function tree(handsBack: boolean): Record<string, string> {
  return {
    'app/__init__.py': '',
    'app/base.py': BASE,
    'app/openai_session.py': session('OpenAISession', '', 'await self._client.chat.completions.create(model=self._model, messages=self._messages, tools=[])'),
    'app/anthropic_session.py': session('AnthropicSession', '', 'await self._client.messages.create(model=self._model, messages=self._messages, max_tokens=1024)'),
    'app/factory.py': FACTORY,
    'app/engine.py': engine(handsBack),
  };
}

describe('loops: a tool loop through a Protocol-typed provider session', () => {
  let agent: ScanResult;
  let samples: ScanResult;
  before(async () => {
    agent = await scanTree(tree(true));
    samples = await scanTree(tree(false));
  });

  it('handing the tool results back through the interface makes the range(max_steps) loop an agent loop of 20 steps', () => {
    const loop = agent.files.find((f) => f.path === 'app/engine.py')?.agentLoops.find((l) => l.line === 9);
    assert.ok(loop, `loop found (have ${JSON.stringify(agent.files.find((f) => f.path === 'app/engine.py')?.agentLoops.map((l) => l.line))})`);
    assert.equal(loop.bounded, true);
    assert.equal(loop.maxSteps, 20);
  });

  it('look-alike: a loop that never hands anything back to the session draws samples, no agent loop', () => {
    assert.deepEqual(samples.files.find((f) => f.path === 'app/engine.py')?.agentLoops.map((l) => l.line) ?? [], []);
  });
});
