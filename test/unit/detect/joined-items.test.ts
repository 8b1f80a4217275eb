import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const lines = async (src: string, path: string): Promise<number[]> => (await detectFile(src, path)).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('a prompt written as a list of lines joined: the table entries and helper returns the list splices in', () => {
  const ts = [
    'const FORMATS: Record<string, string> = {', //                                       1
    "  '': '<message>',", //                                                                2
    "  scoped: '<type>(<optional scope>): <the message itself>',", //                       3
    '};', //                                                                               4
    'const KINDS: Record<string, string> = {', //                                          5
    "  '': '',", //                                                                        6
    "  scoped: 'Pick the change type from the list below that best describes the diff.',", // 7
    '};', //                                                                               8
    'const MODELS: Record<string, string> = { fast: "gpt-4o-mini", big: "gpt-4o" };', //   9
    'const formatLine = (t: string) => `Answer in this exact format:\\n${FORMATS[t]}`;', // 10
    'export const buildCommitPrompt = (locale: string, t: string, m: string) =>', //      11
    '  [', //                                                                             12
    "    'Write a short commit message in present tense for the diff the user sends.',", // 13
    '    `Message language: ${locale}`,', //                                              14
    '    KINDS[t],', //                                                                   15
    '    MODELS[m],', //                                                                  16
    '    formatLine(t),', //                                                              17
    '  ].filter(Boolean).join("\\n");', //                                                18
    'export const cssClasses = (active: boolean) => ["button primary large", active && "is active now"].filter(Boolean).join(" ");',
  ].join('\n');

  it('TypeScript: the written lines, the table entry and the helper line (through .filter(Boolean))', async () => {
    const found = await lines(ts, 'prompt.ts');
    for (const line of [13, 14, 7, 10, 3]) assert.ok(found.includes(line), `line ${line} (have ${found})`);
  });

  it('traps: a table of model ids joined in, and a class-name list joined for the page, are no prompts', async () => {
    const found = await lines(ts, 'prompt.ts');
    assert.ok(!found.includes(9), `model ids (have ${found})`);
    assert.ok(!found.includes(19), `class names (have ${found})`);
  });

  const py = [
    'from openai import OpenAI', //                                                        1
    'client = OpenAI()', //                                                                2
    'KINDS = {', //                                                                        3
    '    "": "",', //                                                                      4
    '    "scoped": "Pick the change type from the list below that best describes the diff.",', // 5
    '}', //                                                                                6
    'MODELS = {"fast": "gpt-4o-mini", "big": "gpt-4o"}', //                                7
    'def format_line(t):', //                                                              8
    '    return f"Answer in this exact format, one line per change: {t}"', //              9
    'def ask(diff, t, m):', //                                                             10
    '    system = "\\n".join([', //                                                         11
    '        "Write a short commit message in present tense for the diff the user sends.",', // 12
    '        KINDS[t],', //                                                                13
    '        MODELS[m],', //                                                               14
    '        format_line(t),', //                                                          15
    '    ])', //                                                                           16
    '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": system}, {"role": "user", "content": diff}])',
  ].join('\n');

  it('Python: the table entry and the helper return spliced by the joined list of a sent message', async () => {
    const found = await lines(py, 'commit.py');
    for (const line of [11, 5, 9]) assert.ok(found.includes(line), `line ${line} (have ${found})`);
    assert.ok(!found.includes(7), `model ids are no prompt (have ${found})`);
  });
});
