/**
 * Requests through a client library the rule table does not know: a method of an object built by a class
 * imported from outside the repository, handed a model and a conversation (`model=`, `messages=`), inside the
 * repository's one request wrapper. The wrapper's callers pass the model, read from a session held in a context
 * variable (`SESSION.get().config.model`, a typed field with no value of its own: the declared type's default).
 * Another method of the same client given a model is a request too (a transcription), its model a constant of
 * the library. Look-alikes: a token count on that client, the repository's own chat class called with the same
 * keywords, and a module function of a library (`vendorlib.token_counter(model=…, messages=…)`).
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';

const CONFIG = `import attr


@attr.define
class Config:
    model: str = attr.field(default="gpt-4-0125-preview")
    temperature: float = attr.field(default=0.2)
`;

const CONTEXT = `from contextvars import ContextVar

import attr

from app.config import Config
from app.handler import LlmHandler


@attr.define()
class Session:
    config: Config = attr.field()
    llm: LlmHandler = attr.field()


SESSION: ContextVar[Session] = ContextVar("app:session")
`;

const HANDLER = `from typing import overload, Literal

from polyclient import PolyClient
from polyclient.models import WHISPER_1


class LlmHandler:
    def __init__(self):
        self.poly = PolyClient()

    @overload
    async def call_llm(self, messages: list, model: str, stream: Literal[True]) -> str:
        ...

    @overload
    async def call_llm(self, messages: list, model: str, stream: Literal[False]) -> str:
        ...

    async def call_llm(self, messages: list, model: str, stream: bool) -> str:
        tokens = self.poly.count_prompt_tokens(messages=messages, model=model)
        if tokens > 100000:
            raise ValueError("too long")
        if not stream:
            return await self.poly.get_response(model=model, messages=messages)
        return await self.poly.stream_response(model=model, messages=messages)

    async def transcribe(self, path: str) -> str:
        return await self.poly.get_transcription(path, model=WHISPER_1)
`;

const CONVERSATION = `from app.context import SESSION


class Conversation:
    def __init__(self):
        self.messages = []

    async def get_model_response(self) -> str:
        session = SESSION.get()
        handler = session.llm
        answer = await handler.call_llm(self.messages, session.config.model, stream=True)
        self.messages.append({"role": "assistant", "content": answer})
        return answer


async def main_loop(conversation: Conversation, auto: bool):
    ask_user = True
    while True:
        if ask_user:
            conversation.messages.append({"role": "user", "content": "next"})
        answer = await conversation.get_model_response()
        ask_user = not auto or "DONE" in answer
`;

const LOOKALIKES = `import vendorlib

from app.own import OwnChat


class Counter:
    def __init__(self):
        self.chat = OwnChat()

    def count(self, messages: list) -> int:
        return vendorlib.token_counter(model="gpt-4o", messages=messages)

    def ask(self, messages: list) -> str:
        return self.chat.reply(model="gpt-4o", messages=messages)
`;

const OWN = `class OwnChat:
    def reply(self, model: str, messages: list) -> str:
        return f"{model}: {len(messages)}"
`;

describe('repo: requests through a client library the rule table does not know', () => {
  let r: ScanResult;
  before(async () => {
    r = await scanTree({
      'app/__init__.py': '',
      'app/config.py': CONFIG,
      'app/context.py': CONTEXT,
      'app/handler.py': HANDLER,
      'app/conversation.py': CONVERSATION,
      'app/lookalikes.py': LOOKALIKES,
      'app/own.py': OWN,
    });
  });

  const calls = (path: string) => r.files.find((f) => f.path === path)?.calls ?? [];

  it('the client methods handed a model and messages are requests, on the model the callers read from the session', () => {
    const handler = calls('app/handler.py');
    for (const line of [24, 25]) {
      const c = handler.find((x) => x.line === line);
      assert.ok(c, `request at ${line} (have ${JSON.stringify(handler.map((x) => x.line))})`);
      assert.equal(c.framework, 'polyclient');
      assert.equal(c.rule, 'foreign-client');
      assert.equal(c.model, 'gpt-4-0125-preview');
    }
  });

  it("another method of the same client given a model is a request too, on the library's model constant", () => {
    const c = calls('app/handler.py').find((x) => x.line === 28);
    assert.ok(c, 'transcription request found');
    assert.equal(c.model, 'whisper-1');
  });

  it('look-alikes: a token count on the client, a module function, the repository’s own class', () => {
    assert.ok(!calls('app/handler.py').some((x) => x.line === 20), 'count_prompt_tokens is local work');
    assert.deepEqual(calls('app/lookalikes.py').map((x) => x.line), []);
  });

  it('a loop reaching the wrapper (an overloaded method) through a session read from the context variable is an agent loop', () => {
    const loop = r.files.find((f) => f.path === 'app/conversation.py')?.agentLoops.find((l) => l.line === 18);
    assert.ok(loop, 'main loop found');
    assert.equal(loop.bounded, false);
  });
});
