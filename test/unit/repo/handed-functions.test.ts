import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';
import type { ScanResult } from '../../../src/node/scan';

/** An agent loop whose step is a function handed to a fallback helper that calls its parameter. */
const HANDLER = `
from openai import OpenAI

class Handler:
    def __init__(self):
        self.client = OpenAI()

    def complete(self, model, prompt):
        return self.client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
`;

const INVOKER = `
MODELS = ["gpt-4o", "gpt-4o-mini"]

def call_with_fallback(f):
    for model in MODELS:
        try:
            return f(model)
        except Exception:
            pass

def through(fn):
    return call_with_fallback(fn)
`;

const SOLVER = `
import functools
from app.handler import Handler
from app.invoker import call_with_fallback, through
from app.stage import improve

class Solver:
    def __init__(self):
        self.handler = Handler()

    def _run(self, model, prompt):
        return self.handler.complete(model, prompt)

    def solve(self, task):
        attempts = 0
        done = False
        while not done:
            attempts += 1
            if attempts > 4:
                break
            task = improve(self, task)
            done = task.endswith("ok")
        return done

    def plain(self, task):
        tries = 0
        while tries < 3:
            tries += 1
            f = functools.partial(self._run, prompt=task)
            through(f)

    def step(self, task):
        return improve(self, task)

    def lookalike(self, task):
        count = 0
        while count < 5:
            count += 1
            keep(self._run)
`;

const STAGE = `
import functools
from app.invoker import call_with_fallback

def improve(self, task):
    f = functools.partial(self._run, prompt=task)
    return call_with_fallback(f)
`;

/** A loop in a file that names nothing of a model: the while-loop hint gives it facts for the repository pass. */
const DRIVER = `
from app.solver import Solver

def drive(task):
    solver = Solver()
    rounds = 0
    while rounds < 6:
        rounds += 1
        task = solver.step(task)
    return task
`;

const LOOKALIKE = `
REGISTRY = []

def keep(fn):
    REGISTRY.append(fn)
`;

describe('loops through a function handed to a helper that calls its parameter (callable-params.ts)', () => {
  let r: ScanResult;
  before(async function () {
    this.timeout(60_000);
    r = await scanTree({
      'app/__init__.py': '',
      'app/handler.py': HANDLER,
      'app/invoker.py': INVOKER,
      'app/solver.py': SOLVER.replace('from app.stage import improve', 'from app.stage import improve\nfrom app.registry import keep'),
      'app/stage.py': STAGE,
      'app/registry.py': LOOKALIKE,
      'app/driver.py': DRIVER,
    });
  });
  const loops = (): { line: number; bounded: boolean; maxSteps?: number }[] => (r.files.find((f) => f.path === 'app/solver.py')?.agentLoops ?? []).map((l) => ({ line: l.line, bounded: l.bounded, maxSteps: l.maxSteps }));

  it('a loop reaching the request through a stage function that hands a partial to the fallback helper', () => {
    const loop = loops().find((l) => l.line === 18);
    assert.ok(loop, `solve loop found (have ${JSON.stringify(loops())})`);
    assert.equal(loop.bounded, true);
    assert.equal(loop.maxSteps, 4);
  });

  it('a helper that hands its parameter on to the helper calling it runs the function too', () => {
    const loop = loops().find((l) => l.line === 28);
    assert.ok(loop, `plain loop found (have ${JSON.stringify(loops())})`);
    assert.equal(loop.maxSteps, 3);
  });

  it('a loop in a file naming no model, reaching the request through a method of another module', () => {
    const loop = r.files.find((f) => f.path === 'app/driver.py')?.agentLoops.find((l) => l.line === 7);
    assert.ok(loop, 'driver loop found');
    assert.equal(loop.maxSteps, 6);
  });

  it('look-alike: a function handed to a helper that only stores it is not run', () => {
    assert.ok(!loops().some((l) => l.line === 35), `lookalike loop not reported (have ${JSON.stringify(loops())})`);
  });
});
