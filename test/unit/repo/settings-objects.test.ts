import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** A Dynaconf loader over the TOML files of its own folder, returned by a `get_settings()` helper. */
const LOADER = `import pathlib
from os.path import abspath, dirname, join
from dynaconf import Dynaconf

current_dir = dirname(abspath(__file__))
toml_files = list(pathlib.Path(join(current_dir)).glob('*.toml'))
global_settings = Dynaconf(envvar_prefix=False, merge_enabled=True, settings_files=toml_files)


def get_settings():
    return global_settings
`;

const SETTINGS = `[config]
model = "gpt-4o-mini"
fallback_models = []

[solve]
max_attempts = 7
`;

/** A fallback helper that calls the function it is given with each model of the settings' list. */
const INVOKER = `from app.settings.config_loader import get_settings


async def send_inference(f):
    all_models = _get_all_models()
    deployments = [None] * len(all_models)
    for i, (model, deployment) in enumerate(zip(all_models, deployments)):
        try:
            return await f(model)
        except Exception:
            if i == len(all_models) - 1:
                raise


def _get_all_models():
    model = get_settings().config.model
    fallback_models = get_settings().config.fallback_models
    return [model] + fallback_models
`;

const HANDLER = `from litellm import acompletion


class Handler:
    async def chat_completion(self, model, system, user):
        kwargs = {"model": model, "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]}
        return await self._get_completion(**kwargs)

    async def _get_completion(self, **kwargs):
        response = await acompletion(**kwargs)
        return response["choices"][0]["message"]["content"]
`;

function competitor(passed: string): string {
  return `import functools
from app.handler import Handler
from app.invoker import send_inference


class Competitor:
    def __init__(self):
        self.handler = Handler()

    async def _run(self, model, problem, prompt="solve"):
        return await self.handler.chat_completion(model, "You solve problems.", problem)

    async def solve(self, problem):
        ${passed}
`;
}

describe('a settings object read by key (Dynaconf), and a function passed to a helper that calls it', () => {
  it('prices a request on the settings file’s model, reached through a partial a fallback helper calls with each model', async () => {
    const r = await scanTree({
      'app/settings/config_loader.py': LOADER,
      'app/settings/configuration.toml': SETTINGS,
      'app/invoker.py': INVOKER,
      'app/handler.py': HANDLER,
      'app/competitor.py': competitor('f = functools.partial(self._run, problem=problem, prompt="solve")\n        return await send_inference(f)'),
    });
    const [req] = file(r, 'app/handler.py').calls;
    assert.equal(req.model, 'gpt-4o-mini');
    assert.deepEqual(req.modelSource?.at, { path: 'app/settings/configuration.toml', line: 2 });
  });

  it('a bound method handed to the helper runs the same way', async () => {
    const r = await scanTree({
      'app/settings/config_loader.py': LOADER,
      'app/settings/configuration.toml': SETTINGS,
      'app/invoker.py': INVOKER,
      'app/handler.py': HANDLER,
      'app/competitor.py': competitor('return await send_inference(self._run)'),
    });
    assert.equal(file(r, 'app/handler.py').calls[0].model, 'gpt-4o-mini');
  });

  it('trap: a settings file under tests/ is no shipped setting, and a look-alike constructor is no settings object', async () => {
    const inTests = await scanTree({
      'app/settings/config_loader.py': LOADER.replace("glob('*.toml')", "glob('tests/*.toml')"),
      'app/settings/tests/configuration.toml': SETTINGS.replace('gpt-4o-mini', 'o3-mini'),
      'app/invoker.py': INVOKER,
      'app/handler.py': HANDLER,
      'app/competitor.py': competitor('return await send_inference(self._run)'),
    });
    assert.notEqual(file(inTests, 'app/handler.py').calls[0].model, 'o3-mini');
    const other = await scanTree({
      'app/settings/config_loader.py': LOADER.replace('from dynaconf import Dynaconf', 'from mylib import Box as Dynaconf2').replace('Dynaconf(', 'Dynaconf2('),
      'app/settings/configuration.toml': SETTINGS,
      'app/invoker.py': INVOKER,
      'app/handler.py': HANDLER,
      'app/competitor.py': competitor('return await send_inference(self._run)'),
    });
    assert.notEqual(file(other, 'app/handler.py').calls[0].model, 'gpt-4o-mini');
  });

  it('bounds a loop by a dotted settings read, the file’s value over the code’s default; the default when no file holds the key', async () => {
    const agent = (key: string): string => `from openai import OpenAI
from app.settings.config_loader import get_settings

client = OpenAI()


def ask(messages):
    return client.chat.completions.create(model="gpt-4o", messages=messages)


def solve(problem):
    messages = [{"role": "user", "content": problem}]
    attempts = 0
    max_attempts = get_settings().get("${key}", 5)
    while attempts < max_attempts:
        attempts += 1
        reply = ask(messages)
        messages.append({"role": "assistant", "content": reply.choices[0].message.content})
        messages.append({"role": "user", "content": "Improve it."})
    return messages
`;
    const found = await scanTree({ 'app/settings/config_loader.py': LOADER, 'app/settings/configuration.toml': SETTINGS, 'app/agent.py': agent('solve.max_attempts') });
    const [loop] = file(found, 'app/agent.py').agentLoops;
    assert.equal(loop.maxSteps, 7);
    const missing = await scanTree({ 'app/settings/config_loader.py': LOADER, 'app/settings/configuration.toml': SETTINGS, 'app/agent.py': agent('solve.max_rounds') });
    assert.equal(file(missing, 'app/agent.py').agentLoops[0].maxSteps, 5);
  });

  it('reads a table first, then its key (`defaults = settings.get("default")`, copied into a config object)', async () => {
    const r = await scanTree({
      'app/settings/config_loader.py': LOADER,
      'app/settings/configuration.toml': '[default]\nmodel = "gpt-4o"\nmax_iterations = 3\n',
      'app/agent.py': `from dataclasses import dataclass
from openai import OpenAI
from app.settings.config_loader import get_settings


@dataclass
class AgentConfig:
    model: str
    max_iterations: int

    @classmethod
    def from_defaults(cls):
        defaults = get_settings().get("default")
        values = {"model": defaults.get("model"), "max_iterations": defaults.get("max_iterations")}
        merged = values.copy()
        return cls(**merged)


client = OpenAI()


def step(config, task):
    return client.chat.completions.create(model=config.model, messages=[{"role": "user", "content": task}])


def run(config, task):
    count = 0
    while count < config.max_iterations:
        task = step(config, task).choices[0].message.content
        count += 1


def main():
    config = AgentConfig.from_defaults()
    run(config, "write tests")
`,
    });
    const f = file(r, 'app/agent.py');
    assert.equal(f.calls[0].model, 'gpt-4o');
    assert.equal(f.agentLoops[0].maxSteps, 3);
  });
});

describe('a request sent with the keywords its wrapper was given (`**kwargs`)', () => {
  it('trap: a wrapper that builds its own kwargs is followed there, not through its callers', async () => {
    const r = await scanTree({
      'app/handler.py': `from litellm import completion


class Handler:
    def __init__(self):
        self.kwargs = {"model": "gpt-4o-mini"}

    def ask(self, prompt, **kwargs):
        kwargs = {**self.kwargs, "messages": [{"role": "user", "content": prompt}]}
        return completion(**kwargs)


def main():
    Handler().ask("hi", model="o3")
`,
    });
    assert.notEqual(file(r, 'app/handler.py').calls[0].model, 'o3');
  });
});

describe('a configuration class filled from a dict of defaults, with a provider:model string split', () => {
  const config = (setter: string): string => `DEFAULTS = {"SMART_LLM": "openai:gpt-4o-mini", "TEMPERATURE": 0.4}


class Config:
    def __init__(self):
        self._set_attributes(DEFAULTS)
        self.smart_provider, self.smart_model = self.parse_llm(self.smart_llm)

    def _set_attributes(self, values):
        for key, value in values.items():
            ${setter}

    @staticmethod
    def parse_llm(spec):
        if spec is None:
            return None, None
        provider, model = spec.split(":", 1)
        return provider, model
`;
  const service = `from openai import OpenAI
from app.config import Config


def answer(question):
    cfg = Config()
    return OpenAI().chat.completions.create(model=cfg.smart_model, messages=[{"role": "user", "content": question}])
`;

  it('takes the model part of the default’s string, pointing at the defaults', async () => {
    const r = await scanTree({ 'app/config.py': config('setattr(self, key.lower(), value)'), 'app/service.py': service });
    const [req] = file(r, 'app/service.py').calls;
    assert.equal(req.model, 'gpt-4o-mini');
    assert.deepEqual(req.modelSource?.at, { path: 'app/config.py', line: 1 });
  });

  it('trap: a setattr on another object sets no attribute of the class', async () => {
    const r = await scanTree({ 'app/config.py': config('setattr(other, key.lower(), value)'), 'app/service.py': service });
    assert.notEqual(file(r, 'app/service.py').calls[0].model, 'gpt-4o-mini');
  });
});
