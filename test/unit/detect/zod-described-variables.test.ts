import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const ROUTER = `import { z } from "zod";
import { ChatOpenAI } from "@langchain/openai";

export async function route(state: State) {
  const routeDescription = \`Where the request should go next, from what the user asked.
- billing: invoices and refunds
- other: anything else\`;
  const schema = z.object({ route: z.enum(["billing", "other"]).describe(routeDescription) });
  const routeTool = { name: "route", description: "Pick the next step for the request.", schema };
  const llm = new ChatOpenAI({ model: "gpt-4o-mini" }).bindTools([routeTool], { tool_choice: "route" });
  return llm.invoke(state.messages);
}
`;

// A form's validation schema: the label text it names is shown to a person, no request sends the schema.
const FORM = `import { z } from "zod";

const emailHint = "Enter the address we should send the receipt to";
export const formSchema = z.object({ email: z.string().email().describe(emailHint) });
export function check(v: unknown) { return formSchema.safeParse(v).success; }
`;

describe('zod .describe() given a variable (zod-prompts.ts, zod-schema-facts.ts)', () => {
  it('the text a local holds is the description of a schema a bound tool sends', async () => {
    const f = await detectFile(ROUTER, 'route.ts');
    const described = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.ok(described.includes(5), `got ${JSON.stringify(f.prompts.map((p) => [p.line, p.kind]))}`);
  });

  it('a variable described into a schema nothing sends is no prompt', async () => {
    const f = await detectFile(FORM, 'form.ts');
    assert.deepEqual(f.prompts, []);
  });
});

const STRUCTURED = `import { generateObject } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";

export async function grade(answer: string) {
  return generateObject({
    model: openai("gpt-4o"),
    schemaName: "grade",
    schemaDescription: "The grade of the answer with the reason for it",
    schema: z.object({ score: z.number() }),
    prompt: answer,
  });
}

export const catalog = [{ schemaName: "Recipe Finder", schemaDescription: "Find recipes from what is in your fridge" }];
`;

describe('AI SDK schemaDescription (prompt-places.ts)', () => {
  it('is sent beside the schema of a structured output; an app catalog entry without a schema is not', async () => {
    const f = await detectFile(STRUCTURED, 'grade.ts');
    assert.deepEqual(f.prompts.map((p) => [p.line, p.kind]), [[9, 'tool-description']]);
  });
});
