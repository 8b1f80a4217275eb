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

  describe('a prompt-named concatenation that starts with a name', () => {
    const src = [
      'from openai import OpenAI', //                                                                  1
      'client = OpenAI()', //                                                                          2
      'BASE_RULES = "You review research papers for a machine learning venue."', //                     3
      'system_prompt_strict = (', //                                                                   4
      '    BASE_RULES', //                                                                             5
      '    + " If a paper is weak or you are unsure, reject it."', //                                   6
      ')', //                                                                                          7
      'REVIEW_FORM = """Rate the paper on originality, quality and clarity, from 1 to 4."""', //         8
      'HEADER = "v1"', //                                                                              9
      '',
      'def review(text, form=REVIEW_FORM, system=system_prompt_strict):',
      '    review_prompt = form + text',
      '    user_prompt = HEADER + text',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": system}, {"role": "user", "content": review_prompt + user_prompt}])',
    ].join('\n');

    it('with words of its own it is one prompt that carries its name (the repository judges whether anything sends it)', async () => {
      const f = await detectFile(src, 'review.py');
      const strict = f.prompts.find((p) => p.line === 5);
      assert.ok(strict, `have ${f.prompts.map((p) => p.line)}`);
      assert.equal(strict.name, 'system_prompt_strict');
      assert.match(strict.text, /machine learning venue\. If a paper is weak/);
    });

    it('without words of its own, the texts it joins are prompts: a parameter default constant included', async () => {
      assert.ok((await lines(src, 'review.py')).includes(8));
    });

    it('trap: a short id joined into a prompt-named value is no prompt', async () => {
      assert.ok(!(await lines(src, 'review.py')).includes(9));
    });
  });

  describe('the default text of a prompt-named value', () => {
    it('`configured or "…"` (Python) and `saved ?? "…"` (TypeScript) report the written default', async () => {
      const py = ['class Reflection:', '    def __init__(self, config):', '        self.reflection_prompt = config.reflection_prompt or "Reflect on the given information and summarize the key points."'].join('\n');
      assert.deepEqual(await lines(py, 'reflection.py'), [3]);
      const ts = ['export function systemOf(saved?: string) {', '  const systemPrompt = saved ?? "You are a careful assistant that answers in short sentences.";', '  return systemPrompt;', '}'].join('\n');
      assert.deepEqual(await lines(ts, 'system.ts'), [2]);
    });

    it('trap: an empty or one-word default is no prompt', async () => {
      const py = ['def setup(config):', '    user_prompt = config.prompt or ""', '    prompt_label = config.label or "default"', '    return user_prompt, prompt_label'].join('\n');
      assert.deepEqual(await lines(py, 'setup.py'), []);
    });
  });
});
