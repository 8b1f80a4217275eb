import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scanTree } from './fixture-scan';

/** The billed requests of one file: `[line, resolved model, how the model was found, other models of its range]`. */
function requests(r: ScanResult, path: string): [number, string | undefined, string | undefined, string[]][] {
  return file(r, path)
    .calls.filter((c) => c.role !== 'binding' && c.role !== 'implementation')
    .map((c): [number, string | undefined, string | undefined, string[]] => [c.line, c.modelResolved, c.modelSource?.detail, (c.plausibleModels ?? []).map((p) => p.model)])
    .sort((a, b) => a[0] - b[0]);
}

const STEPS = `import openai


def outline(task, model="gpt-3.5-turbo"):
    return openai.ChatCompletion.create(model=model, messages=[{"role": "user", "content": task}])


def write(task, plan, model="gpt-3.5-turbo"):
    return openai.ChatCompletion.create(model=model, messages=[{"role": "user", "content": task + plan}])
`;

const PIPELINE = `from tool.steps import outline, write

DEFAULT_MODEL = "gpt-4"


def run(task, model=DEFAULT_MODEL):
    plan = outline(task, model=model)
    return write(task, plan, model)
`;

describe('a model passed down from the entry point beats the callee parameter default', () => {
  it('Python: callee defaults, a pipeline passing its own parameter, an argparse entry: priced on the CLI default; a library caller omitting it widens the range', async () => {
    const r = await scanTree({
      'tool/steps.py': STEPS,
      'tool/pipeline.py': PIPELINE,
      'tool/server.py': `import openai
from tool.steps import outline
from taskqueue import Worker


async def handle(task):
    return outline(task.input)


Worker(handle).start()
`,
      'cli.py': `import argparse
from tool.pipeline import run

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--task")
    parser.add_argument("--model", default="gpt-4o")
    args = parser.parse_args()
    run(args.task, model=args.model)
`,
    });
    const got = requests(r, 'tool/steps.py');
    assert.equal(got.length, 2);
    for (const [, model, detail] of got) {
      assert.equal(model, 'gpt-4o');
      assert.match(detail ?? '', /gpt-4o/);
    }
    // outline is also called by the server with no model: its default stays a possibility.
    assert.deepEqual(got[0][3], ['gpt-3.5-turbo']);
    assert.deepEqual(got[1][3], []);
  });

  it('look-alikes: the entry path leaves the default, or no caller is on an entry path: the default stays and the passed model widens its range', async () => {
    const entryOmits = await scanTree({
      'tool/steps.py': STEPS,
      'tool/server.py': `import openai
from tool.steps import outline


def handle(task):
    return outline(task, model="gpt-4o")
`,
      'cli.py': `import argparse
import os

import openai
from tool.steps import outline

if __name__ == "__main__":
    openai.api_key = os.environ["OPENAI_API_KEY"]
    parser = argparse.ArgumentParser()
    parser.add_argument("--task")
    args = parser.parse_args()
    outline(args.task)
`,
    });
    const [[, model, detail, range]] = requests(entryOmits, 'tool/steps.py');
    assert.equal(model, 'gpt-3.5-turbo');
    assert.match(detail ?? '', /callers pass different models/);
    assert.deepEqual(range, ['gpt-4o']);
    const handlersOnly = await scanTree({
      'tool/steps.py': STEPS,
      'tool/server.py': `import openai
from tool.steps import outline


def handle(task):
    return outline(task, model="gpt-4o")


def handle_fast(task):
    return outline(task)
`,
    });
    const [[, model2, , range2]] = requests(handlersOnly, 'tool/steps.py');
    assert.equal(model2, 'gpt-3.5-turbo');
    assert.deepEqual(range2, ['gpt-4o']);
  });
});
