import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';

/** The requests of a file (bindings left out), as [line, model]. */
function requests(r: ScanResult, path: string): [number, string | undefined][] {
  const f = r.files.find((x) => x.path === path);
  if (!f) return [];
  return f.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c.modelResolved]);
}

/** gemini-chatbot's layout: ai/index.ts binds two wrapped models, ai/actions.ts imports one `from "."`. */
const INDEX = `import { google } from "@ai-sdk/google";
import { experimental_wrapLanguageModel as wrapLanguageModel } from "ai";
import { customMiddleware } from "./custom-middleware";

export const geminiProModel = wrapLanguageModel({
  model: google("gemini-2.5-pro"),
  middleware: customMiddleware,
});

export const geminiFlashModel = wrapLanguageModel({
  model: google("gemini-2.5-flash"),
  middleware: customMiddleware,
});
`;

const MIDDLEWARE = `import { Experimental_LanguageModelV1Middleware } from "ai";
export const customMiddleware: Experimental_LanguageModelV1Middleware = {};
`;

describe('AI SDK models wrapped in middleware and imported from a module (wrapLanguageModel, `from "."`)', () => {
  it('generateObject on a wrapped model imported from the folder\'s index ("."), and the route on the other one', async () => {
    const r = await scanTree({
      'ai/index.ts': INDEX,
      'ai/custom-middleware.ts': MIDDLEWARE,
      'ai/actions.ts': `import { generateObject } from "ai";
import { z } from "zod";
import { geminiFlashModel } from ".";

export async function flightStatus(flightNumber: string) {
  const { object } = await generateObject({
    model: geminiFlashModel,
    prompt: \`Flight status for flight number \${flightNumber}\`,
    schema: z.object({ gate: z.string() }),
  });
  return object;
}
`,
      'app/route.ts': `import { streamText } from "ai";
import { geminiProModel } from "../ai";

export async function POST(req: Request) {
  const { messages } = await req.json();
  return streamText({ model: geminiProModel, system: "You are a travel agent.", messages }).toDataStreamResponse();
}
`,
    });
    assert.deepEqual(requests(r, 'ai/actions.ts'), [[6, 'gemini-2.5-flash']]);
    assert.deepEqual(requests(r, 'app/route.ts'), [[6, 'gemini-2.5-pro']]);
    // The bindings themselves send nothing.
    assert.deepEqual(requests(r, 'ai/index.ts'), []);
  });

  it('experimental_wrapLanguageModel and wrapEmbeddingModel called by their own names; a modelId override only renames what is reported', async () => {
    const r = await scanTree({
      'lib/models.ts': `import { experimental_wrapLanguageModel, wrapEmbeddingModel, embed, generateText } from "ai";
import { openai } from "@ai-sdk/openai";

export const chat = experimental_wrapLanguageModel({ model: openai("gpt-4o-mini"), middleware: [], modelId: "house-model" });
export const embedder = wrapEmbeddingModel({ model: openai.textEmbeddingModel("text-embedding-3-small"), middleware: [] });

export async function ask(question: string) {
  const { text } = await generateText({ model: chat, prompt: \`Answer briefly: \${question}\` });
  const { embedding } = await embed({ model: embedder, value: text });
  return embedding;
}
`,
    });
    assert.deepEqual(requests(r, 'lib/models.ts'), [
      [8, 'gpt-4o-mini'],
      [9, 'text-embedding-3-small'],
    ]);
  });
});
