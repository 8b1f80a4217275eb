import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { file, scanTree } from '../repo/fixture-scan';

describe('a request method bound to a name and called through it', () => {
  it('a module-level alias chosen on a branch is the request, on the call’s own model=', async () => {
    const src = `from typing import Any, Callable

completion: Callable[..., Any] = lambda *args, **kwargs: None

if USE_LITELLM:
    import litellm
    completion = litellm.completion
else:
    from openai import OpenAI
    client = OpenAI()
    completion = client.chat.completions.create


class Runner:
    def ask(self, messages):
        return completion(model="gpt-4o-mini", messages=messages)
`;
    const f = await detectFile(src, 'runner.py');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(requests.map((c) => [c.line, c.framework, c.callee, c.rule]), [[16, 'openai', 'completion', 'aliased-request']]);
    assert.equal(requests[0].model, 'gpt-4o-mini');
  });

  it('an attribute holding the method, and a TypeScript .bind of it, alike', async () => {
    const py = `import anthropic

class Chat:
    def __init__(self):
        self.client = anthropic.Anthropic()
        self._send = self.client.messages.create

    def reply(self, messages):
        return self._send(model="claude-3-5-haiku-latest", max_tokens=512, messages=messages)
`;
    const f = await detectFile(py, 'chat.py');
    assert.deepEqual(f.calls.map((c) => [c.line, c.framework, c.model]), [[9, 'anthropic', 'claude-3-5-haiku-latest']]);
    const ts = `import OpenAI from 'openai';
const client = new OpenAI();
const create = client.chat.completions.create.bind(client.chat.completions);
export async function ask(messages: any[]) {
  return create({ model: 'gpt-4o', messages });
}
`;
    const t = await detectFile(ts, 'ask.ts');
    assert.deepEqual(t.calls.map((c) => [c.line, c.framework, c.model]), [[5, 'openai', 'gpt-4o']]);
  });

  it('trap: a field read off a response, or a chat model’s invoke held for later, is not a request method', async () => {
    const src = `import litellm

def text_of(response, llm, messages):
    completion = response.completion
    original_invoke = llm.invoke
    original_invoke(messages)
    return completion(messages)
`;
    const f = await detectFile(src, 'helpers.py');
    assert.equal(f.calls.filter((c) => c.rule === 'aliased-request').length, 0);
  });

  it('across files: the model is a CLI option whose default a config object reads from its defaults dict', async () => {
    const r = await scanTree({
      'app/config.py': `import os

DEFAULTS = {
    "DEFAULT_MODEL": os.getenv("DEFAULT_MODEL", "gpt-4.1-mini"),
    "TIMEOUT": 60,
}


class Config(dict):
    def __init__(self, path, **defaults):
        super().__init__(**defaults)
        self.path = path

    def get(self, key):
        return os.getenv(key) or super().get(key)


cfg = Config("~/.config/app/rc", **DEFAULTS)
`,
      'app/handler.py': `from openai import OpenAI

client = OpenAI()
completion = client.chat.completions.create


class Handler:
    def handle(self, prompt, model):
        return completion(model=model, messages=[{"role": "user", "content": prompt}])
`,
      'app/main.py': `import typer

from app.config import cfg
from app.handler import Handler


def main(prompt: str = typer.Argument(""), model: str = typer.Option(cfg.get("DEFAULT_MODEL"), help="Model.")):
    Handler().handle(prompt, model=model)


if __name__ == "__main__":
    typer.run(main)
`,
    });
    const [req] = file(r, 'app/handler.py').calls;
    assert.ok(req, 'the call through the alias');
    assert.equal(req.line, 9);
    assert.equal(req.model, 'gpt-4.1-mini');
  });
});
