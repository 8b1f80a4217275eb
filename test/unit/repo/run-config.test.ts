import * as assert from 'node:assert/strict';
import type { Expr } from '../../../src/core/repo/facts';
import { stringOp } from '../../../src/core/repo/string-ops';
import type { Val } from '../../../src/core/repo/values';
import { file, scan } from './fixture-scan';

const at = { path: 'a.ts', line: 1 };
const str = (v: string): Expr => ({ k: 'str', v, line: 1 });
const call = (recv: Expr, prop: string, args: Expr[]): Extract<Expr, { k: 'call' }> => ({ k: 'call', callee: { k: 'member', obj: recv, prop, line: 1 }, text: `x.${prop}`, args, kw: {}, line: 1 });
const literal = (x: Expr): Val | undefined => (x.k === 'str' ? { t: 'str', v: x.v, at, via: 'code' } : undefined);
const value = (r: { value?: Val }): string | undefined => (r.value?.t === 'str' ? r.value.v : undefined);

describe('string methods the evaluator computes exactly', () => {
  it('replace: the first occurrence in JavaScript, every one in Python; trim and case', () => {
    assert.equal(value(stringOp(call(str('azure/gpt-x/azure/'), 'replace', [str('azure/'), str('')]), 'a.ts', literal)), 'gpt-x/azure/');
    assert.equal(value(stringOp(call(str('azure/gpt-x/azure/'), 'replace', [str('azure/'), str('')]), 'a.py', literal)), 'gpt-x/');
    assert.equal(value(stringOp(call(str('a-$&-b'), 'replaceAll', [str('-'), str('$&')]), 'a.ts', literal)), 'a$&$&$&b');
    assert.equal(value(stringOp(call(str('  GPT-4o '), 'trim', []), 'a.ts', literal)), 'GPT-4o');
    assert.equal(value(stringOp(call(str('GPT-4o'), 'lower', []), 'a.py', literal)), 'gpt-4o');
  });

  it('gives no value when an argument is not a known string (a regular expression), never the argument itself', () => {
    const r = stringOp(call(str('ollama-llama3'), 'replace', [{ k: 'unknown', text: '/^ollama-/', line: 1 }, str('')]), 'a.ts', literal);
    assert.equal(r.handled, true);
    assert.equal(r.value, undefined);
  });

  it('client input stays client input; other receivers are not its business', () => {
    const client: Val = { t: 'client', path: 'a.ts', line: 1, field: 'model' };
    assert.equal(stringOp(call({ k: 'name', v: 'm', line: 1 }, 'trim', []), 'a.ts', () => client).value, client);
    assert.equal(stringOp(call({ k: 'name', v: 'm', line: 1 }, 'replace', [str('a'), str('b')]), 'a.ts', () => undefined).handled, false);
    assert.equal(stringOp(call({ k: 'name', v: 'm', line: 1 }, 'split', [str('/')]), 'a.ts', literal).handled, false);
  });
});

describe('a LangGraph run config: the model the client sends in configurable', () => {
  it('a node’s model read from config.configurable is the UI’s default, an element picked by index exactly, through a long helper with one return', async () => {
    const r = await scan('run-config-model');
    const [call] = file(r, 'agent/nodes/reply.ts').calls.filter((c) => c.role !== 'binding');
    assert.equal(call?.line, 6, 'the invoke on (await getModelFromConfig(config)).withConfig(…) is a request');
    assert.equal(call.model, 'acme-small-2', 'DEFAULT_MODEL_NAME = ACME_MODELS[1].name, not the first entry');
    assert.equal(call.modelSource?.from, 'ui-default');
    assert.deepEqual(call.modelSource?.at, { path: 'shared/models.ts', line: 8 });
    assert.match(call.modelSource?.detail ?? '', /configurable customModelName/);
  });

  it('a default the code writes beside the configurable field wins over the UI default', async () => {
    const r = await scan('run-config-model');
    const [call] = file(r, 'agent/nodes/summarize.ts').calls.filter((c) => c.role !== 'binding');
    assert.equal(call?.model, 'acme-tiny-1');
    assert.equal(call.modelSource?.from, 'code');
  });

  it('a runnable made by a helper that is not named for a model is not a request (trap)', async () => {
    const r = await scan('run-config-model');
    assert.equal(r.files.find((f) => f.path === 'agent/nodes/route.ts')?.calls.length ?? 0, 0);
  });
});
