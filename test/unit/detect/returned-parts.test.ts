import * as assert from 'node:assert/strict';
import { promptTags } from '../../../bench/repos/census-tags';
import { detectFile } from '../../../src/core/detect';

const lines = async (src: string, path: string): Promise<number[]> => (await detectFile(src, path)).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('texts a builder function of the file returns, spliced into a prompt through its call', () => {
  const ts = [
    'import OpenAI from "openai";', //                                                    1
    'const client = new OpenAI();', //                                                    2
    'function customBlock(extra?: string): string {', //                                  3
    '  if (!extra) return "";', //                                                        4
    '  return `\\n\\n# Custom instructions from the user\\nKeep them in mind when you act.\\n${extra}`;', // 5
    '}', //                                                                               6
    'const scopeRule = (omit: boolean) =>', //                                            7
    '  omit ? "Do not include a scope in the commit message format." : "Include the scope in parentheses.";', // 8
    'function statusLine(n: number): string {', //                                        9
    '  return `Processed ${n} files without any errors at all today`;', //               10
    '}', //                                                                               11
    'export async function ask(diff: string, omit: boolean, extra?: string) {', //       12
    '  const rule = scopeRule(omit);', //                                                 13
    '  const system = `You write commit messages for the staged diff. ${rule}${customBlock(extra)}`;', // 14
    '  console.log(`Summary: ${statusLine(3)}`);', //                                    15
    '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: system }, { role: "user", content: diff }] });',
    '}',
  ].join('\n');

  it('TypeScript: the text returned by a builder called in the splice, and both choices of one bound to a local', async () => {
    const found = await lines(ts, 'commit.ts');
    assert.ok(found.includes(5), `the custom-instructions block (have ${found})`);
    assert.ok(found.includes(8), `the scope rule's choices (have ${found})`);
  });

  it('the census tags the fragments with their rule', async () => {
    const fragment = (await detectFile(ts, 'commit.ts')).prompts.find((p) => p.line === 5);
    assert.equal(fragment && promptTags(fragment as never)[0].tag, 'spliced-builder-return');
  });

  it('trap: a builder spliced into a log line, not into a prompt, is not a prompt', async () => {
    assert.ok(!(await lines(ts, 'commit.ts')).includes(10));
  });

  const py = [
    'from openai import OpenAI', //                                                       1
    'client = OpenAI()', //                                                               2
    'HINT_LONG = "Use the GitMoji convention to preface each commit message you write."', // 3
    'HINT_SHORT = "Use the conventional commit keywords fix, feat, chore and docs."', //    4
    '', //                                                                                5
    'def convention(full):', //                                                           6
    '    return HINT_LONG if full else HINT_SHORT', //                                    7
    '', //                                                                                8
    'def label(x):', //                                                                   9
    '    return "fine"', //                                                              10
    '', //                                                                               11
    'def ask(diff, full):', //                                                           12
    '    system = f"You are to act as the author of a commit message. {convention(full)} {label(diff)}"',
    '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": system}, {"role": "user", "content": diff}])',
  ].join('\n');

  it('Python: the module constants a builder picks between', async () => {
    const found = await lines(py, 'commit.py');
    assert.ok(found.includes(3) && found.includes(4), `both hints (have ${found})`);
  });

  it('trap: a builder returning a lone word adds no prompt', async () => {
    assert.ok(!(await lines(py, 'commit.py')).includes(10));
  });
});
