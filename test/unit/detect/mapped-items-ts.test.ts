import * as assert from 'node:assert/strict';
import { promptTags } from '../../../bench/repos/census-tags';
import { detectFile } from '../../../src/core/detect';

const detect = (src: string, path = 'route.ts') => detectFile(src, path);
const lines = async (src: string, path = 'route.ts'): Promise<number[]> => (await detect(src, path)).prompts.map((p) => p.line).sort((a, b) => a - b);

describe('TypeScript texts a message is built from one item at a time (mapped-items-ts.ts)', () => {
  const frames = [
    'import { generateText } from "ai";', //                                                         1
    'import { openai } from "@ai-sdk/openai";', //                                                   2
    'export async function answer(query: string, docs: { title: string; url: string; body: string }[], history: { role: string; content: string }[], followUp: boolean) {', // 3
    '  let context = "";', //                                                                        4
    '  context = docs', //                                                                           5
    '    .map((d, i) => {', //                                                                       6
    '      return `[${i + 1}] ${d.title}\\nURL: ${d.url}\\n${d.body}`;', //                           7
    '    })', //                                                                                     8
    '    .join("\\n\\n---\\n\\n");', //                                                             9
    '  const preview = followUp', //                                                                 10
    '    ? history.map((m) => `${m.role}: ${m.content}`).join("\\n")', //                            11
    '    : `user: ${query}`;', //                                                                    12
    '  const rows = docs.map((d) => `<tr><td>${d.title}</td></tr>`).join("");', //                   13
    '  const logged = docs.map((d) => `${d.title}: ${d.url}`).join("\\n");', //                      14
    '  console.log(`Sources:\\n${logged}`);', //                                                     15
    '  document.body.innerHTML = `<table>${rows}</table>`;', //                                      16
    '  return generateText({ model: openai("gpt-4o-mini"), messages: [', //                          17
    '    { role: "user", content: `Answer the question "${query}" from these sources:\\n${context}\\n\\nConversation so far:\\n${preview}` },', // 18
    '  ] });', //                                                                                   19
    '}', //                                                                                         20
  ].join('\n');

  it('the frame a .map callback writes per item, assigned to a local and spliced into a message, is a prompt', async () => {
    const found = await lines(frames);
    assert.ok(found.includes(7), `the source frame '[n] title / URL:' (have ${found})`);
  });

  it('a ternary picking a mapped transcript or a one-line text, spliced into a message: the written arm', async () => {
    const found = await lines(frames);
    assert.ok(found.includes(12), `the 'user:' line (have ${found})`);
    // `${m.role}: ${m.content}` writes no word of its own: the transcript is the messages themselves.
    assert.ok(!found.includes(11), `the transcript line (have ${found})`);
  });

  it('traps: a mapped template for the page (HTML rows) and one for a log line are not prompts', async () => {
    const found = await lines(frames);
    assert.ok(!found.includes(13), `HTML rows (have ${found})`);
    assert.ok(!found.includes(14), `log lines (have ${found})`);
  });

  it('the census tags the frame with its rule', async () => {
    const frame = (await detect(frames)).prompts.find((p) => p.line === 7);
    assert.equal(frame && promptTags(frame as never)[0].tag, 'mapped-item-frame');
  });

  const records = [
    'import { generateText } from "ai";', //                                                         1
    'import { xai } from "@ai-sdk/xai";', //                                                         2
    'export async function wrapped(user: string) {', //                                              3
    '  const steps = [', //                                                                          4
    '    { step: 1, title: "Profile", query: `Find the profile of @${user} with bio and follower count`, purpose: "Ground the summary in facts." },', // 5
    '    { step: 2, title: "Themes", query: `Find original posts by @${user} about their main themes`, purpose: "Capture the range of topics." },', // 6
    '  ] as const;', //                                                                              7
    '  const labels = [', //                                                                         8
    '    { title: "Profile page of the user", icon: "user" },', //                                  9
    '    { title: "Posts and replies of the user", icon: "post" },', //                             10
    '  ];', //                                                                                      11
    '  render(labels.map((l) => `${l.title} (${l.icon})`).join(", "));', //                          12
    '  return generateText({', //                                                                   13
    '    model: xai("grok-4-fast"),', //                                                             14
    '    messages: [{ role: "user", content: `Run these searches in order:\\n${steps.map((s) => `${s.step}. ${s.query} (purpose: ${s.purpose})`).join("\\n")}\\nThen stop.` }],', // 15
    '  });', //                                                                                      16
    '}', //                                                                                         17
  ].join('\n');

  it('records of the file whose fields a mapped template joins into a message: one prompt for the list', async () => {
    const found = (await detect(records)).prompts.filter((p) => p.line >= 4 && p.line <= 7);
    assert.equal(found.length, 1, `one prompt for the list (have ${found.map((p) => `${p.line}-${p.endLine}`)})`);
    assert.equal(found[0].line, 4);
    assert.equal(found[0].endLine, 7);
    assert.equal(promptTags(found[0] as never)[0].tag, 'mapped-item-records');
  });

  it('trap: records mapped into a page label, not a message, are not read', async () => {
    const found = await lines(records);
    assert.ok(!found.some((l) => l >= 8 && l <= 12), `labels (have ${found})`);
  });

  const listed = [
    'import { generateText, tool } from "ai";', //                                                   1
    'import { z } from "zod";', //                                                                   2
    'const LIBRARIES = [', //                                                                        3
    '  "numpy",', //                                                                                 4
    '  "pandas",', //                                                                                5
    '  "matplotlib",', //                                                                            6
    '];', //                                                                                        7
    'const COLUMNS = ["name", "price", "stock"];', //                                                8
    'export async function run(task: string, model: any) {', //                                      9
    '  console.log(`Columns: ${COLUMNS.join(", ")}`);', //                                           10
    '  return generateText({ model, system: `You write Python for a sandbox. Installed libraries: ${LIBRARIES.join(", ")}.`, prompt: task });', // 11
    '}', //                                                                                         12
  ].join('\n');

  it('a list of plain strings joined into a system prompt is one prompt, not one per element', async () => {
    const found = (await detect(listed)).prompts.filter((p) => p.line >= 3 && p.line <= 7);
    assert.equal(found.length, 1, `have ${found.map((p) => `${p.line}-${p.endLine}`)}`);
    assert.deepEqual([found[0].line, found[0].endLine], [3, 7]);
  });

  it('trap: a list joined into a log line is not a prompt', async () => {
    assert.ok(!(await lines(listed)).includes(8));
  });
});

describe('a prompt-named field read from a table of texts by key (prompt-key-tables.ts)', () => {
  const table = [
    'const CITATIONS = `\\n\\nCite every claim with a markdown link to its source, placed right after the sentence.`;', // 1
    'const modeInstructions = {', //                                                                 2
    '  web: `You are a search assistant that answers from web results.${CITATIONS}`,', //            3
    '  code: `You are a coding assistant. Run the code tool before you answer.`,', //                4
    '} as const;', //                                                                                5
    'const modeTitles = {', //                                                                       6
    '  web: "Search the whole web for an answer",', //                                               7
    '  code: "Write and run code in a sandbox",', //                                                 8
    '};', //                                                                                        9
    'const modeTools = { web: ["web_search"], code: ["code_interpreter"] };', //                     10
    'export function getModeConfig(mode: keyof typeof modeInstructions) {', //                       11
    '  return { tools: modeTools[mode], title: modeTitles[mode], instructions: modeInstructions[mode as keyof typeof modeInstructions] };', // 12
    '}', //                                                                                         13
  ].join('\n');

  it('every text of the table is a prompt, and the fragment its entries splice in', async () => {
    const found = await lines(table, 'lib/modes.ts');
    assert.ok(found.includes(3) && found.includes(4), `both instructions (have ${found})`);
    assert.ok(found.includes(1), `the citation fragment (have ${found})`);
  });

  it('trap: a table read under a field that names no prompt (titles for the UI) is not', async () => {
    const found = await lines(table, 'lib/modes.ts');
    assert.ok(!found.includes(7) && !found.includes(8), `titles (have ${found})`);
  });

  it('the census tags the entries with their rule', async () => {
    const entry = (await detect(table, 'lib/modes.ts')).prompts.find((p) => p.line === 4);
    assert.equal(entry && promptTags(entry as never)[0].tag, 'prompt-key-table');
  });

  it('a table read with a fallback under a prompt-named field of a returned request: every text', async () => {
    const src = [
      'const PROMPTS: Record<string, string> = {', //                                                  1
      '  en: "You write short commit messages for the staged changes in plain English.",', //           2
      '  fr: "Tu écris de courts messages de commit pour les changements indexés.",', //              3
      '};', //                                                                                        4
      'const LABELS: Record<string, string> = { en: "English commit messages", fr: "Messages en français" };', // 5
      'export function buildCommitRequest(locale: string, diff: string) {', //                        6
      '  return { systemPrompt: PROMPTS[locale] ?? PROMPTS.en, title: LABELS[locale] ?? LABELS.en, userText: diff };', // 7
      '}', //                                                                                         8
    ].join('\n');
    const found = await lines(src, 'lib/commit.ts');
    assert.ok(found.includes(2) && found.includes(3), `both locales (have ${found})`);
    assert.ok(!found.includes(5), `titles (have ${found})`);
  });
});

describe('a tool object whose file names nothing else of a model (detect/index.ts hints)', () => {
  const src = [
    'import { tool } from "ai";', //                                                                 1
    'import { z } from "zod";', //                                                                   2
    'export const nowTool = tool({', //                                                              3
    '  description: "Get the current date and time in the user\'s timezone",', //                   4
    '  inputSchema: z.object({}),', //                                                               5
    '  execute: async () => ({ now: new Date().toISOString() }),', //                                6
    '});', //                                                                                       7
  ].join('\n');

  it('a tool with no arguments: its description is a prompt', async () => {
    assert.ok((await lines(src, 'lib/tools/now.ts')).includes(4));
  });

  it('trap: a UI card with a description and no tool around it is not parsed for prompts', async () => {
    const card = ['export const card = {', '  title: "Now",', '  description: "Shows the current date and time of the day",', '};'].join('\n');
    assert.deepEqual(await lines(card, 'components/card.ts'), []);
  });
});
