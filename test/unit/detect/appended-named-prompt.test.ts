import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const lines = async (src: string): Promise<number[]> => (await detectFile(src, 'verifier.py')).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('blocks appended with += to a prompt-named local', () => {
  const src = [
    'class Verifier:', //                                                                   1
    '    async def verify(self, query, context, answer):', //                               2
    '        prompt = f"""You are a meticulous fact-checker. Check the answer for {query}.', // 3
    '        <CONTEXT>', //                                                                  4
    '        """', //                                                                        5
    '        prompt += context', //                                                          6
    '        prompt += """', //                                                              7
    '        </CONTEXT>', //                                                                 8
    '        <ANSWER>', //                                                                   9
    '        """', //                                                                       10
    '        prompt += answer', //                                                          11
    '        prompt += "\\n"', //                                                           12
    '        prompt += f"{answer}"', //                                                     13
    '        log_line = f"verifying {query} against the retrieved context now"', //        14
    '        log_line += " and the answer of the model as well"', //                        15
    '        return await self.llm_client.generate(self.model, prompt)', //                 16
  ].join('\n');

  it('a block appended after the first text is a prompt of its own', async () => {
    const found = await lines(src);
    assert.ok(found.includes(3), `the first text (have ${found})`);
    assert.ok(found.includes(7), `the appended block (have ${found})`);
  });

  it('trap: separators, bare splices and appends to a log line are not prompts', async () => {
    const found = await lines(src);
    for (const l of [12, 13, 15]) assert.ok(!found.includes(l), `line ${l} (have ${found})`);
  });

  it('trap: appends to a text asked of a person are not prompts', async () => {
    const asked = src.replace('        return await self.llm_client.generate(self.model, prompt)', '        return input(prompt)');
    const found = await lines(asked);
    assert.ok(!found.includes(7), `have ${found}`);
  });
});
