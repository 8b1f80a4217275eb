// A code-review agent on the OpenAI SDK: one bounded tool loop, one unbounded one
// (on purpose: `tokenomics scan examples` flags it), and a Vercel AI SDK summary step.
import OpenAI from 'openai';
import { generateText, stepCountIs, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';

const client = new OpenAI();
const REVIEW_MODEL = 'gpt-4.1';
const MAX_TURNS = 8;

const SYSTEM_PROMPT = `You are a careful senior code reviewer.
Read the diff, open the files you need with the read_file tool, and report:
- bugs and risky changes, with the line they are on;
- missing tests;
- anything that makes the code harder to read.
Answer in Markdown, most important finding first. Do not restate the diff.`;

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'read_file',
      description: 'Read a file of the repository under review and return its contents.',
      parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
    },
  },
];

export async function reviewDiff(diff: string): Promise<string | null> {
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: `Review this diff:\n\n${diff}` },
  ];
  // tokenomics: placeholder.diff=3000 toolResult=1500
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const response = await client.chat.completions.create({ model: REVIEW_MODEL, messages, tools, max_tokens: 1200 });
    const message = response.choices[0].message;
    messages.push(message);
    if (!message.tool_calls?.length) return message.content;
    for (const call of message.tool_calls) {
      if (call.type !== 'function') continue;
      const { path } = JSON.parse(call.function.arguments) as { path: string };
      messages.push({ role: 'tool', tool_call_id: call.id, content: await readFile(path, 'utf8') });
    }
  }
  return null;
}

/** Keeps asking until the model stops calling tools: no step limit, so no cost ceiling. */
export async function triageIssue(issue: string): Promise<string | null> {
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    { role: 'system', content: 'You triage GitHub issues: label them, find duplicates, and propose an owner.' },
    { role: 'user', content: issue },
  ];
  while (true) {
    const response = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, tools });
    const message = response.choices[0].message;
    messages.push(message);
    if (response.choices[0].finish_reason !== 'tool_calls') return message.content;
    for (const call of message.tool_calls ?? []) messages.push({ role: 'tool', tool_call_id: call.id, content: 'no result' });
  }
}

const lookupChangelog = tool({
  description: 'Look up the changelog entry of a released version.',
  inputSchema: z.object({ version: z.string() }),
  execute: async ({ version }) => ({ version, entry: 'Fixed the flaky upload test.' }),
});

export async function releaseNotes(version: string, commits: string[]): Promise<string> {
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    system: 'You write release notes for developers: short, concrete, grouped by area.',
    prompt: [`Write the release notes for version ${version}.`, 'Commits since the last release:', ...commits].join('\n'),
    tools: { lookupChangelog },
    stopWhen: stepCountIs(4),
    maxOutputTokens: 800,
  });
  return text;
}
