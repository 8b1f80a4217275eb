import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const lines = async (src: string, path: string): Promise<number[]> => (await detectFile(src, path)).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('messages and content parts pushed onto a list that is sent', () => {
  const ts = [
    'import { generateText } from "ai";', //                                                   1
    'const tidy = (s: string) => s.replace(/\\n{3,}/g, "\\n\\n");', //                          2
    'export async function nextStep(goal: string, previous?: string, steps: string[] = []) {', // 3
    '  const content: any[] = [{ type: "text", text: `Decide the next browser step to reach: ${goal}` }];', // 4
    '  if (previous) {', //                                                                     5
    '    content.push({ type: "text", text: `The result of the previous extraction is: ${previous}.` });', // 6
    '  }', //                                                                                  7
    '  const log: string[] = [];', //                                                          8
    '  steps.forEach((s) => log.push(`Finished the browser step called ${s} just now`));', //  9
    '  console.log(log.join("\\n"));', //                                                     10
    '  const request = `${goal}\\n\\nFollow the reviewers and improve the answer quality.`.trim();', // 11
    '  const messages: any[] = [{ role: "user", content }];', //                              12
    '  messages.push({ role: "user", content: tidy(request) });', //                          13
    '  return generateText({ model: "gpt-4o", messages });', //                               14
    '}',
  ].join('\n');

  it('a text part pushed under an if onto the content list of a sent message is a prompt', async () => {
    const found = await lines(ts, 'agent.ts');
    assert.ok(found.includes(4), `the declared part (have ${found})`);
    assert.ok(found.includes(6), `the pushed part (have ${found})`);
  });

  it('a message whose content is a cleanup helper given a local text: the local text is the prompt', async () => {
    assert.ok((await lines(ts, 'agent.ts')).includes(11));
  });

  it('trap: log lines pushed onto a list that is joined for the console are not prompts', async () => {
    assert.ok(!(await lines(ts, 'agent.ts')).includes(9));
  });

  it('Python: a text part appended onto the content list of a sent message', async () => {
    const py = [
      'from openai import OpenAI', //                                                        1
      'client = OpenAI()', //                                                                2
      'def ask(goal, image=None, notes=()):', //                                             3
      '    parts = [{"type": "text", "text": f"Describe the page and decide the next step for {goal}"}]', // 4
      '    if image:', //                                                                     5
      '        parts.append({"type": "text", "text": "The screenshot below shows the current page state."})', // 6
      '    lines = []', //                                                                    7
      '    for n in notes:', //                                                               8
      '        lines.append(f"Skipped the note called {n} because it was empty")', //        9
      '    print("\\n".join(lines))', //                                                     10
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": parts}])',
    ].join('\n');
    const found = await lines(py, 'agent.py');
    assert.ok(found.includes(6), `the appended part (have ${found})`);
    assert.ok(!found.includes(9), `the log line (have ${found})`);
  });

  it('trap: a user message of tool results gathered by a comprehension adds no written input (the loop prices tool results)', async () => {
    const py = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'def run(question):',
      '    messages = [{"role": "user", "content": f"Answer the research question: {question}"}]',
      '    for _ in range(5):',
      '        r = client.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=messages)',
      '        if r.stop_reason != "tool_use":',
      '            return r.content[0].text',
      '        messages.append({"role": "assistant", "content": r.content})',
      '        messages.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": b.id, "content": "…"} for b in r.content if b.type == "tool_use"]})',
    ].join('\n');
    const call = (await detectFile(py, 'agent.py')).calls[0];
    assert.deepEqual(call.inputPlaceholders, [], 'no placeholder for the gathered tool results');
    assert.equal(call.promptIds.length, 1, 'the question only');
  });
});
