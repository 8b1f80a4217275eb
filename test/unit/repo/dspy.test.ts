import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths } from '../../../src/node/scan';

const REPOS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos');

describe('DSPy: predictor calls are requests on the LM of their context', () => {
  it('a predictor run under dspy.settings.context(lm=self.engine) is priced on the LM the runner builds, three hops away in another file', async () => {
    const dir = join(REPOS, 'dspy-program');
    const r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir });
    const program = r.files.find((f) => f.path === 'program.py');
    assert.ok(program);
    const requests = program.calls.filter((c) => c.role !== 'binding');
    // Line 30 runs a module (`Answerer`), not a predictor: the request is inside it (line 20).
    assert.deepEqual(requests.map((c) => c.line), [20]);
    const [req] = requests;
    assert.equal(req.framework, 'dspy');
    assert.equal(req.modelResolved, 'gpt-4o-mini');
    assert.deepEqual(req.modelSource?.at, { path: 'run.py', line: 7 });
    // The signature's docstring and field descriptions are what the predictor sends.
    const sent = program.prompts.filter((p) => req.promptIds.includes(p.id)).map((p) => p.line);
    assert.deepEqual(sent, [5, 7, 9]);
  });

  it('the file’s dspy.configure(lm=…) applies where no context is set; a "question -> answer" string signature adds no prompt', async () => {
    const src = `import dspy

dspy.configure(lm=dspy.LM("anthropic/claude-3-5-haiku-20241022"))
qa = dspy.Predict("question -> answer")

def ask(question):
    return qa(question=question).answer
`;
    const f = await detectFile(src, 'qa.py');
    const req = f.calls.find((c) => c.line === 7);
    assert.ok(req, `a request at line 7; found ${f.calls.map((c) => c.line).join(', ')}`);
    assert.equal(req.framework, 'dspy');
    assert.deepEqual(req.inputPlaceholders, ['question']);
    assert.equal(req.promptIds.length, 0);
    assert.equal(req.model, 'anthropic/claude-3-5-haiku-20241022');
    assert.equal(req.modelOrigin?.line, 3);
  });

  it('trap: without a dspy import, a callable attribute named like a predictor is not a request', async () => {
    const src = `class Predict:
    def __call__(self, **kw):
        return kw

class Runner:
    def __init__(self):
        self.answer = Predict("question -> answer")

    def run(self, question):
        return self.answer(question=question)
`;
    const f = await detectFile(src, 'local_predict.py');
    assert.equal(f.calls.length, 0);
  });
});

describe('bound request functions: functools.partial of litellm.completion', () => {
  it('calling the partial (or an alias of it) is a request on the partial’s model=; the partial itself is not', async () => {
    const src = `from functools import partial

from litellm import completion as litellm_completion

DEFAULT_MODEL = "claude-sonnet-4-20250514"


class LLM:
    def __init__(self, model: str = DEFAULT_MODEL):
        self._completion = partial(litellm_completion, model=model, temperature=0)
        self._completion_unwrapped = self._completion

    def complete(self, messages):
        return self._completion_unwrapped(messages=messages)
`;
    const f = await detectFile(src, 'llm.py');
    assert.deepEqual(f.calls.map((c) => [c.line, c.framework, c.callee]), [[14, 'litellm', 'self._completion_unwrapped']]);
    assert.equal(f.calls[0].model, 'claude-sonnet-4-20250514');
  });

  it('trap: a partial of a function that is not a request binds nothing', async () => {
    const src = `from functools import partial
import json

MODEL = "gpt-4o"
dump = partial(json.dumps, indent=2)

def save(model_config):
    return dump(model_config)
`;
    const f = await detectFile(src, 'save.py');
    assert.equal(f.calls.length, 0);
  });
});

describe('a parameter typed with a configuration class', () => {
  it('with no caller to follow, the class’s defaults hold (through copy.deepcopy and a closure inside the method)', async () => {
    const dir = join(REPOS, 'typed-config');
    const r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir });
    const llm = r.files.find((f) => f.path === 'core/llm.py');
    const [req] = llm?.calls.filter((c) => c.role !== 'binding') ?? [];
    assert.ok(req, 'the request inside the closure');
    assert.equal(req.line, 16);
    assert.equal(req.model, 'claude-sonnet-4-20250514');
    assert.equal(req.modelSource?.from, 'config');
    assert.deepEqual(req.modelSource?.at, { path: 'core/config.py', line: 5 });
  });
});
