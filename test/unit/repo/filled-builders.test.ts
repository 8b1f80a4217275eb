import * as assert from 'node:assert/strict';
import { promptTags } from '../../../bench/repos/census-tags';
import { detectFile } from '../../../src/core/detect';
import { scanTree } from './fixture-scan';

describe('a prompt-named TypeScript function returning a template it fills in place (joined-returns.ts)', () => {
  const src = [
    'export function finalReportPrompt(template: string, learnings: string[], images: boolean, fromFile: boolean) {', // 1
    '  return (', //                                                                                  2
    '    template +', //                                                                              3
    '    (images ? `\\n**Including meaningful images from the research in the report is very helpful.**` : "")', // 4
    '  )', //                                                                                         5
    '    .replace("{learnings}", fromFile ? "**Please read all the learnings from the attached file.**" : learnings.join("\\n"));', // 6
    '}', //                                                                                          7
    'export function statusLabel(template: string, done: boolean) {', //                             8
    '  return template.replace("{state}", done ? "Finished all of the work" : "Still working on it");', // 9
    '}', //                                                                                          10
  ].join('\n');

  it('the texts appended to the template and inserted into its slots are prompts', async () => {
    const found = (await detectFile(src, 'prompts.ts')).prompts;
    const lines = found.map((p) => p.line);
    assert.ok(lines.includes(4), `the appended images rule (have ${lines})`);
    assert.ok(lines.includes(6), `the inserted file note (have ${lines})`);
    assert.equal(promptTags(found.find((p) => p.line === 4) as never)[0].tag, 'prompt-named-filled-template');
  });

  it('trap: a function not named as a prompt filling a template (a status label) is not read', async () => {
    const lines = (await detectFile(src, 'prompts.ts')).prompts.map((p) => p.line);
    assert.ok(!lines.includes(9), `status texts (have ${lines})`);
  });
});

describe('an imported builder called in one arm of the value a sent template is filled with (splice-facts.ts)', () => {
  const files = {
    // A helpers module of the agent (it names LangChain's message type, so it is read for prompts at all).
    'src/utils.ts': [
      'import type { BaseMessage } from "@langchain/core/messages";', //                              0
      'export const formatNotes = (notes: string[]): string => {', //                                1
      '  const styleText = `The following is a list of style rules you wrote earlier:\\n<style>\\n- ${notes.join("\\n- ")}\\n</style>`;', // 2
      '  const factsText = `The following is a list of facts you know about the user:\\n<facts>\\n${notes.length}\\n</facts>`;', // 3
      '  return styleText + "\\n\\n" + factsText;', //                                                   4
      '};', //                                                                                          5
    ].join('\n'),
    'src/prompts.ts': 'export const FOLLOWUP_PROMPT = `Write a short follow-up message for the user.\\n<notes>\\n{notes}\\n</notes>`;\n',
    'src/followup.ts': [
      'import { ChatOpenAI } from "@langchain/openai";', //                                            1
      'import { formatNotes } from "./utils";', //                                                     2
      'import { FOLLOWUP_PROMPT } from "./prompts";', //                                               3
      'export async function followup(notes: string[] | undefined) {', //                             4
      '  const model = new ChatOpenAI({ model: "gpt-4o-mini" });', //                                 5
      '  const memories = notes ? formatNotes(notes) : "No notes found.";', //                         6
      '  const prompt = FOLLOWUP_PROMPT.replace("{notes}", memories);', //                             7
      '  return model.invoke([{ role: "user", content: prompt }]);', //                               8
      '}', //                                                                                         9
    ].join('\n'),
  };

  it('the texts the builder returns are prompts of its module; the join of the two is not a third', async () => {
    const r = await scanTree(files);
    const utils = r.files.find((f) => f.path === 'src/utils.ts');
    const lines = (utils?.prompts ?? []).map((p) => p.line).sort((a, b) => a - b);
    assert.ok(lines.includes(3) && lines.includes(4), `both blocks (have ${lines})`);
    assert.ok(!lines.includes(5), `the separator join (have ${lines})`);
  });
});
