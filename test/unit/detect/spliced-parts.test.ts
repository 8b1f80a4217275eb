import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const lines = async (src: string, path: string): Promise<number[]> => (await detectFile(src, path)).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('texts spliced into a prompt through a dict entry or a concatenation', () => {
  const py = [
    'from openai import OpenAI', //                                                   1
    'client = OpenAI()', //                                                           2
    'section_tips = {', //                                                            3
    '    "Abstract": """- Say what the paper does and why it matters, in one paragraph.""",', // 4
    '    "Method": """- Describe the method with the notation of the problem setting.""",', //   5
    '}', //                                                                           6
    'checklist = """- Unenclosed math symbols\\n- Figures that do not exist in the folder"""', // 7
    'refine_prompt = "Criticize and refine the section you just wrote.\\n" + checklist', // 8
    'log_labels = {"Abstract": "Writing the abstract section of the paper now"}', // 9
    '',
    'def write(section):',
    '    abstract_prompt = f"""Fill in the abstract. Some tips:\\n{section_tips["Abstract"]}"""', // 12
    '    print(f"{log_labels[section]} ({section})")',
    '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": abstract_prompt}])',
  ].join('\n');

  it('a literal key picks that entry; the tips of other sections are not sent by it', async () => {
    const found = await lines(py, 'writeup.py');
    assert.ok(found.includes(4), `the Abstract tip (have ${found})`);
    assert.ok(!found.includes(5), 'the Method tip is not spliced with a literal key "Abstract"');
  });

  it('a key picked at run time splices every entry', async () => {
    const src = py.replace('{section_tips["Abstract"]}', '{section_tips[section]}');
    const found = await lines(src, 'writeup.py');
    assert.ok(found.includes(4) && found.includes(5), `both tips (have ${found})`);
  });

  it('a constant concatenated into a prompt is a prompt of its own', async () => {
    assert.ok((await lines(py, 'writeup.py')).includes(7));
  });

  it('trap: a dict of texts spliced into a log line is not a prompt', async () => {
    assert.ok(!(await lines(py, 'writeup.py')).includes(9));
  });

  it('TypeScript: a map entry in a template literal', async () => {
    const ts = [
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      'const TONES: Record<string, string> = {',
      '  formal: "Write in a formal register, with complete sentences and no slang.",',
      '};',
      'export async function rewrite(text: string) {',
      '  const systemPrompt = `You rewrite text for the reader.\\n${TONES["formal"]}`;',
      '  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: systemPrompt }, { role: "user", content: text }] });',
      '}',
    ].join('\n');
    assert.ok((await lines(ts, 'rewrite.ts')).includes(4));
  });
});
