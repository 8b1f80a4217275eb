import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** A source loaded from a path chosen at run time, read through typed getters (the shape of many app configs). */
const SOURCE = `import json
import os


class Source:
    def __init__(self, app_dir):
        self.store = json.load(open(os.path.join(app_dir, "settings.json")))

    def get_str(self, key, default=None):
        return os.environ.get(key.upper().replace(".", "_")) or self.store.get(key) or default
`;

function service(getter: string): string {
  return `from openai import OpenAI


class Service:
    def __init__(self, src):
        self.src = src
        self.model = ${getter}
        self.client = OpenAI()

    def chat(self, messages):
        return self.client.chat.completions.create(model=self.model, messages=messages)
`;
}

describe('a typed config getter on a source loaded at run time', () => {
  it('takes the value the shipped settings file holds for its key (flat dotted key or nested table)', async () => {
    const flat = await scanTree({
      'app/source.py': SOURCE,
      'app/service.py': service('self.src.get_str("llm.model", "gpt-4")'),
      'project/settings.json': '{\n  "llm.api_base": "https://api.openai.com/v1",\n  "llm.model": "gpt-4o-mini"\n}\n',
    });
    const [req] = file(flat, 'app/service.py').calls;
    assert.equal(req.model, 'gpt-4o-mini');
    assert.deepEqual(req.modelSource?.at, { path: 'project/settings.json', line: 3 });
    const nested = await scanTree({
      'app/source.py': SOURCE,
      'app/service.py': service('self.src.get_str("llm.model", "gpt-4")'),
      'project/settings.yaml': 'llm:\n  api_base: https://api.openai.com/v1\n  model: gpt-4o-mini\n',
    });
    assert.equal(file(nested, 'app/service.py').calls[0].model, 'gpt-4o-mini');
  });

  it('with no file holding the key, or files that disagree, the getter’s default runs', async () => {
    const r = await scanTree({
      'app/source.py': SOURCE,
      'app/service.py': service('self.src.get_str("llm.model", "gpt-4o")'),
      'a/settings.json': '{"llm.model": "gpt-4.1-mini"}\n',
      'b/settings.json': '{"llm.model": "o3-mini"}\n',
    });
    assert.equal(file(r, 'app/service.py').calls[0].model, 'gpt-4o');
  });

  it('trap: a bare key is not looked up in the files (a test fixture holding it is no configuration)', async () => {
    const r = await scanTree({
      'app/source.py': SOURCE,
      'app/service.py': service('self.src.get_str("model", "gpt-4o")'),
      'tests/data/sample.yaml': 'model: all-mpnet-base-v2\n',
      'settings.json': '{"model": "gpt-4o-mini"}\n',
    });
    assert.equal(file(r, 'app/service.py').calls[0].model, 'gpt-4o');
  });

  it('trap: a method that is not a typed getter (get_answer) is not read from the settings file', async () => {
    const r = await scanTree({
      'app/source.py': SOURCE,
      'app/service.py': service('self.src.get_answer("llm.model", "gpt-4o")'),
      'project/settings.json': '{"llm.model": "gpt-4o-mini"}\n',
    });
    assert.notEqual(file(r, 'app/service.py').calls[0].model, 'gpt-4o-mini');
  });
});
