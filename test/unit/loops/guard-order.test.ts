/**
 * A hand-written loop's guard (`if n >= cap: break`) read with where the body raises the counter and sends the request
 * (detect/loops.ts `orderedPasses`): the pass on which the counter meets the cap is the last, and it sends its request
 * only if the request comes before the guard. Look-alikes keep the plain reading: the counter raised after the guard
 * and the request after it (cap passes), a counter raised twice, a request sent through a wrapper outside the loop.
 */
import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

function pyLoop(body: string[]): string {
  return [
    'from openai import OpenAI',
    'client = OpenAI()',
    '',
    'def agent(messages, tools, max_iterations=6):',
    '    iterations = 0',
    '    while True:',
    ...body.map((l) => `        ${l}`),
    '',
  ].join('\n');
}

const ASK = [
  'resp = client.chat.completions.create(model="gpt-4o", messages=messages, tools=tools)',
  'if resp.choices[0].finish_reason != "tool_calls":',
  '    return resp',
  'messages.append(resp.choices[0].message)',
];

async function steps(text: string, path = 'agent.py'): Promise<(number | undefined)[]> {
  return (await detectFile(text, path)).loops.map((l) => l.maxSteps);
}

describe('loops: a guard in the body, read with the places of the counter’s raise and the request', () => {
  it('raised before the guard, request after it: `>` gives the cap, `>=` one fewer', async () => {
    assert.deepEqual(await steps(pyLoop(['iterations += 1', 'if iterations > 6:', '    break', ...ASK])), [6]);
    assert.deepEqual(await steps(pyLoop(['iterations += 1', 'if iterations >= 6:', '    break', ...ASK])), [5]);
  });

  it('request before the guard, raised after it: one more than the cap', async () => {
    assert.deepEqual(await steps(pyLoop([...ASK, 'if iterations >= 6:', '    break', 'iterations += 1'])), [7]);
  });

  it('TypeScript: `turn++` before `if (turn > MAX) break;` and the request after: MAX', async () => {
    const ts = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      'export async function run(messages: any[]) {',
      '  let turn = 0;',
      '  while (true) {',
      '    turn++;',
      '    if (turn > 8) break;',
      "    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages, tools: [] });",
      "    if (r.choices[0].finish_reason !== 'tool_calls') return r;",
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(await steps(ts, 'agent.ts'), [8]);
  });

  it('look-alikes keep the plain reading: guard then request then raise (cap), a counter raised twice', async () => {
    assert.deepEqual(await steps(pyLoop(['if iterations >= 6:', '    break', ...ASK, 'iterations += 1'])), [6]);
    assert.deepEqual(await steps(pyLoop(['iterations += 1', 'if iterations >= 6:', '    break', ...ASK, 'iterations += 1'])), [6]);
  });
});
