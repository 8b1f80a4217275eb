import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

// Tool results in each SDK's own item shape, the written texts of which go back to the model.
const RESPONSES = `import OpenAI from "openai";
const openai = new OpenAI();

export async function followUp(input: any[], callId: string, found: boolean) {
  const summary = { status: "The order could not be placed, ask the user to try again later", code: 503 };
  input.push({ type: "function_call_output", call_id: callId, output: JSON.stringify(summary) });
  input.push({ type: "function_call_output", call_id: callId, output: found ? "ok" : "No matching order was found for this customer" });
  return openai.responses.create({ model: "gpt-4.1", input });
}
`;

const AI_SDK = `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";

export async function resume(messages: any[], id: string) {
  messages.push({ role: "tool", content: [
    { type: "tool-result", toolCallId: id, toolName: "search", output: { type: "text", value: "The search service is down, answer from what you know" } },
  ] });
  return generateText({ model: openai("gpt-4o"), messages });
}
`;

// Look-alikes: a UI event named like a result (no call id), a progress record, and a result carrying data only.
const NOT_RESULTS = `import OpenAI from "openai";

export function events(id: string, rows: unknown[]) {
  const shown = { type: "tool_result", title: "Results are ready for you to review" };
  const step = { type: "function_call_output", label: "Waiting for the tool to answer now" };
  const data = { type: "function_call_output", call_id: id, output: JSON.stringify(rows) };
  return [shown, step, data];
}
`;

describe('tool results in the item shapes of the SDKs (tool-result-items.ts)', () => {
  it('OpenAI Responses function_call_output: written output and the written fields of a serialised record', async () => {
    const f = await detectFile(RESPONSES, 'follow-up.ts');
    const lines = f.prompts.filter((p) => p.kind === 'other').map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [5, 7]);
  });

  it('AI SDK tool-result part: the text value of its output', async () => {
    const f = await detectFile(AI_SDK, 'resume.ts');
    assert.deepEqual(f.prompts.map((p) => p.line), [6]);
  });

  it('an item with no call id, or a result of data only, gives no prompt', async () => {
    const f = await detectFile(NOT_RESULTS, 'events.ts');
    assert.deepEqual(f.prompts, []);
  });
});
