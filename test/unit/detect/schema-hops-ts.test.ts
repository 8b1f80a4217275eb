import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { file, scanTree } from '../repo/fixture-scan';

/** A helper whose schema parameter reaches the response format of the request it sends; a validator helper beside it. */
const HELPER = `import { z } from "zod";

type Generate = (params: unknown) => Promise<{ structured: unknown }>;

const VerdictSchema = z.object({
  verdict: z.enum(["pass", "fail"]).describe("Whether the page satisfies the user's goal."),
  reason: z.string().describe("One sentence explaining the verdict to a reviewer."),
});

const SignupForm = z.object({
  email: z.string().describe("The address the confirmation mail is sent to."),
});

async function askStructured(generate: Generate, name: string, schema: z.ZodType, prompt: string) {
  const response = await generate({
    messages: [{ role: "user", content: prompt }],
    responseFormat: { type: "json_schema", name, schema: z.json().parse(z.toJSONSchema(schema)) },
  });
  return schema.parse(response.structured);
}

function validate(schema: z.ZodType, data: unknown) {
  return ajv.compile({ schema: z.toJSONSchema(schema) })(data);
}

export async function judge(generate: Generate, page: string) {
  const verdict = await askStructured(generate, "Verdict", VerdictSchema, page);
  validate(SignupForm, { email: "a@b.c" });
  return verdict;
}
`;

/** A tool built from a name and a description and offered to an agent; an API client's `createTool` with the same object. */
const TOOLS = `import { createRetrieverTool } from "langchain/tools/retriever";
import { createReactAgent } from "@langchain/langgraph/prebuilt";

export async function answer(llm, retriever, api) {
  const tool = createRetrieverTool(retriever, {
    name: "search_handbook",
    description: "Searches the employee handbook and returns matching passages.",
  });
  await api.createTool({ name: "handbook_link", description: "A link shown in the sidebar of the admin page." });
  const agent = createReactAgent({ llm, tools: [tool] });
  return agent.invoke({ messages: [] });
}
`;

describe('detect: TypeScript schemas one function away from the request, and tools offered by where they go', () => {
  it("a helper's schema parameter under responseFormat (through converters) makes its callers' schemas prompts; a validator's does not", async () => {
    const f = await detectFile(HELPER, 'judge.ts');
    assert.deepEqual(f.facts?.schemaSenders?.map((s) => [s.fn, s.param]), [['askStructured', 2]]);
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.deepEqual(lines, [6, 7], 'the verdict schema descriptions; never the signup form handed to the validator');
    assert.match(f.prompts.find((p) => p.line === 6)?.reason ?? '', /^schema description passed to askStructured\(\), whose parameter reaches/);
  });

  it('repository: an imported schema handed to the helper of another file is a prompt of the file that declares it', async () => {
    const r = await scanTree({
      'src/ask.ts': `import OpenAI from "openai";\nimport { zodToJsonSchema } from "zod-to-json-schema";\n\nconst client = new OpenAI();\n\nexport async function askStructured(name: string, schema, prompt: string) {\n  return client.chat.completions.create({\n    model: "gpt-4o-mini",\n    messages: [{ role: "user", content: prompt }],\n    response_format: { type: "json_schema", json_schema: { name, schema: zodToJsonSchema(schema) } },\n  });\n}\n`,
      'src/schemas.ts': `import { z } from "zod";\n\nexport const VerdictSchema = z.object({\n  verdict: z.enum(["pass", "fail"]).describe("Whether the page satisfies the user's goal."),\n});\n`,
      'src/judge.ts': `import { askStructured } from "./ask";\nimport { VerdictSchema } from "./schemas";\n\nexport async function judge(prompt: string) {\n  return askStructured("Verdict", VerdictSchema, prompt);\n}\n`,
    });
    const prompts = file(r, 'src/schemas.ts').prompts;
    assert.equal(prompts.length, 1);
    assert.equal(prompts[0].kind, 'tool-description');
  });

  it("a factory's { name, description } whose result is offered as a tool is a tool description; the same object sent to an API client is not", async () => {
    const f = await detectFile(TOOLS, 'agent.ts');
    const described = f.prompts.filter((p) => p.kind === 'tool-description');
    assert.deepEqual(described.map((p) => p.line), [7]);
    assert.ok(!f.prompts.some((p) => p.line === 9), 'the sidebar link is not a prompt');
  });
});
