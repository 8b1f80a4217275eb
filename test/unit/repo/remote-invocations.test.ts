import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scanTree } from './fixture-scan';

/** The billed requests of one file: `[line, resolved model, how the model was found]`. */
function requests(r: ScanResult, path: string): [number, string | undefined, string | undefined][] {
  return file(r, path)
    .calls.filter((c) => c.role !== 'binding' && c.role !== 'implementation')
    .map((c): [number, string | undefined, string | undefined] => [c.line, c.modelResolved, c.modelSource?.detail])
    .sort((a, b) => a[0] - b[0]);
}

const WORKER = `import openai


def generate(prompt, model="gpt-3.5-turbo"):
    return openai.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
`;

/** One caller file that runs `generate` through `invocation` (and imports openai so that it is read). */
function caller(invocation: string, imports = ''): string {
  return `import openai
${imports}from app.worker import generate


def run(prompt):
    ${invocation}
`;
}

async function modelOf(invocation: string, imports = ''): Promise<[string | undefined, string | undefined]> {
  const r = await scanTree({ 'app/worker.py': WORKER, 'app/run.py': caller(invocation, imports) });
  const [[, model, detail]] = requests(r, 'app/worker.py');
  return [model, detail];
}

describe('remote and deferred invocations are calls of the function, with the arguments they pass', () => {
  it('Modal .remote / .spawn / .remote.aio / legacy .call, Ray .options(...).remote, Celery .delay and .apply_async', async () => {
    for (const invocation of [
      'return generate.remote(prompt, model="gpt-4o")',
      'return generate.spawn(prompt, "gpt-4o")',
      'return generate.call(prompt, "gpt-4o")',
      'return generate.remote.aio(prompt, model="gpt-4o")',
      'return generate.options(num_cpus=1).remote(prompt, "gpt-4o")',
      'return generate.delay(prompt, model="gpt-4o")',
      'return generate.apply_async(args=(prompt,), kwargs={"model": "gpt-4o"}, countdown=5)',
      'return generate.map([prompt], kwargs=dict(model="gpt-4o"))',
    ]) {
      const [model, detail] = await modelOf(invocation);
      assert.equal(model, 'gpt-4o', invocation);
      assert.match(detail ?? '', /called with "gpt-4o"/, invocation);
    }
  });

  it('dispatchers: thread target with args, executor.submit and to_thread keywords, partial, background tasks', async () => {
    for (const [invocation, imports] of [
      ['threading.Thread(target=generate, args=(prompt, "gpt-4o")).start()', 'import threading\n'],
      ['return pool.submit(generate, prompt, model="gpt-4o")', ''],
      ['return asyncio.to_thread(generate, prompt, model="gpt-4o")', 'import asyncio\n'],
      ['return pool.submit(functools.partial(generate, model="gpt-4o"), prompt)', 'import functools\n'],
      ['background_tasks.add_task(generate, prompt, model="gpt-4o")', ''],
    ]) {
      const [model] = await modelOf(invocation, imports);
      assert.equal(model, 'gpt-4o', invocation);
    }
  });

  it('look-alikes: items a mapper feeds are not the arguments; an object method named call is not the function', async () => {
    const [mapped] = await modelOf('return list(pool.map(generate, ["gpt-4o"]))');
    assert.equal(mapped, 'gpt-3.5-turbo');
    const [other] = await modelOf('return subprocess.call(["gpt-4o"]) or generate(prompt)', 'import subprocess\n');
    assert.equal(other, 'gpt-3.5-turbo');
  });

  it('texts written at a remote invocation are the prompts the function sends; the same call on an object that is no function sends none', async () => {
    const answer = `import openai


def answer(system_prompt, user_prompt):
    messages = [{"role": "system", "content": system_prompt}, {"role": "user", "content": user_prompt}]
    return openai.chat.completions.create(model="gpt-4o", messages=messages)
`;
    const r = await scanTree({
      'app/answer.py': answer,
      'app/run.py': `import modal
import openai
from app.answer import answer

app = modal.App("poems")


@app.local_entrypoint()
def main(topic):
    poem = answer.remote("You are a poet who writes short rhyming verse.", f"Write a poem about {topic} in four lines.")
    report = status.remote("Uploading the finished poem to the archive now.")
    return poem, report
`,
    });
    const texts = file(r, 'app/run.py').prompts.map((p) => p.line);
    assert.deepEqual(texts, [10, 10]);
  });
});
