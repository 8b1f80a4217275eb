import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

const requests = (r: Awaited<ReturnType<typeof scan>>, path: string) => file(r, path).calls.filter((c) => c.role !== 'binding');

describe('the argument the application passes beats the parameter default (passed-args, cli-options)', () => {
  it('a CLI option default (typer, env fallback) passed into a wrapper class wins over its __init__ default; fallbacks `ai or AI()` do not count', async () => {
    const r = await scan('cli-passed-model');
    const [ask] = requests(r, 'app/ai.py');
    assert.equal(ask.line, 11);
    assert.equal(ask.model, 'gpt-4o', 'the CLI passes model_name=model, whose default is os.environ.get("MODEL_NAME", "gpt-4o")');
    assert.equal(ask.modelSource?.at?.path, 'app/main.py');
  });

  it('argparse: args.model_name read back from parse_args() is the add_argument default (long flag as dest)', async () => {
    const r = await scan('cli-passed-model');
    const [create] = requests(r, 'tools/summarize.py');
    assert.equal(create.model, 'claude-haiku-4-5');
    assert.equal(create.modelSource?.from, 'code');
  });

  it('trap: a plain construction without the argument keeps the default; a test passing one is not the application', async () => {
    const r = await scan('cli-default-kept');
    const [ask] = requests(r, 'app/ai.py');
    assert.equal(ask.model, 'gpt-4-turbo');
    assert.equal(ask.modelSource?.at?.path, 'app/ai.py');
  });
});
