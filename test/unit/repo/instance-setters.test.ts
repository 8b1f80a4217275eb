import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths } from '../../../src/node/scan';

const REPOS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos');

describe('models set on an instance by method calls after construction', () => {
  it('an attribute a setter assigns takes the argument of the last call on the instance, else the method’s own value; the application’s entry wins over examples', async () => {
    const dir = join(REPOS, 'instance-setters');
    const r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir });
    const program = r.files.find((f) => f.path === 'pkg/program.py');
    assert.ok(program);
    const byLine = new Map(program.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c] as const));
    const writer = byLine.get(19);
    const critic = byLine.get(30);
    assert.ok(writer && critic, `requests at 19 and 30; found ${[...byLine.keys()].join(', ')}`);
    // `configs.set_writer_lm(ChatModel(model="gpt-4o"))` runs after `init_defaults()`: it decides.
    assert.equal(writer.modelResolved, 'gpt-4o');
    assert.deepEqual(writer.modelSource?.at, { path: 'service.py', line: 9 });
    // Only `init_defaults()` sets the critic on `configs` (`spare.set_critic_lm` is another instance; the
    // example's setters are not the application's entry path): the method's own preset.
    assert.equal(critic.modelResolved, 'gpt-4o-mini');
    assert.deepEqual(critic.modelSource?.at, { path: 'pkg/configs.py', line: 11 });
  });

  it('where only an example builds the runner, its setters are what runs', async () => {
    const dir = join(REPOS, 'instance-setters');
    const r = await scanPaths([join(dir, 'pkg'), join(dir, 'examples')], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir });
    const program = r.files.find((f) => f.path === 'pkg/program.py');
    const critic = program?.calls.find((c) => c.line === 30);
    // Without service.py the example is the only caller: its setter is what runs.
    assert.equal(critic?.modelResolved, 'gpt-4.1-nano');
  });

  it('a package’s `from .module import *` is parsed, so names re-exported through it can be followed', async () => {
    const f = await detectFile('from .configs import *\nfrom .program import *\n', 'pkg/__init__.py');
    assert.deepEqual(f.facts?.imports.map((i) => [i.local, i.module]), [['*', '.configs'], ['*', '.program']]);
  });
});

describe('`**kwargs` built from a dict that splats itself', () => {
  it('does not overflow the stack: the file is analysed and its request found', async () => {
    const src = `import openai

class Model:
    def _kwargs(self):
        return dict(**self._kwargs())

    def ask(self, prompt):
        return openai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}], **self._kwargs())
`;
    const f = await detectFile(src, 'model.py');
    assert.deepEqual(f.issues, []);
    assert.deepEqual(f.calls.map((c) => [c.line, c.model]), [[8, 'gpt-4o']]);
  });
});
