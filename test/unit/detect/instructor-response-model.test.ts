import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { file, scanTree } from '../repo/fixture-scan';

/** instructor-js on an OpenAI client pointed at another host; a form schema beside it that nothing sends. */
const INSTRUCTOR = `import OpenAI from "openai";
import Instructor from "@instructor-ai/instructor";
import { z } from "zod";

const client = Instructor({ client: new OpenAI({ baseURL: "https://api.together.xyz/v1" }), mode: "JSON_SCHEMA" });

const NoteSchema = z.object({
  title: z.string().describe("Short descriptive title of what the voice message is about"),
  actionItems: z.array(z.string()).describe("A list of action items from the voice note, short and to the point"),
});

const SignupForm = z.object({
  email: z.string().describe("The address the confirmation mail is sent to."),
});

export async function summarize(transcript: string) {
  SignupForm.parse({ email: "a@b.c" });
  const saved = { response_model: { schema: SignupForm, name: "Form" } };
  return client.chat.completions.create({
    messages: [{ role: "user", content: transcript }],
    model: "Qwen/Qwen2.5-7B-Instruct-Turbo",
    response_model: { schema: NoteSchema, name: "SummarizeNotes" },
    max_retries: 3,
  });
}
`;

/** The schema written in place, with the response model's own description; zod-stream's withResponseModel. */
const INLINE = `import Instructor from "@instructor-ai/instructor";
import { withResponseModel } from "zod-stream";
import OpenAI from "openai";
import { z } from "zod";

const oai = new OpenAI();
const client = Instructor({ client: oai, mode: "TOOLS" });
const MetricsSchema = z.object({ value: z.number().describe("The metric's value as written in the report text") });

export async function classify(text: string) {
  const params = withResponseModel({
    response_model: { schema: MetricsSchema, name: "Metrics" },
    params: { messages: [{ role: "user", content: text }], model: "gpt-4o" },
    mode: "TOOLS",
  });
  await oai.chat.completions.create(params);
  return client.chat.completions.create({
    model: "gpt-4o",
    messages: [{ role: "user", content: text }],
    response_model: {
      name: "Classification",
      description: "Classify the support ticket by its urgency and topic",
      schema: z.object({ urgent: z.boolean().describe("Whether the customer is blocked from working right now") }),
    },
  });
}
`;

describe("detect: Instructor's response_model sends its zod schema (instructor-js, zod-stream)", () => {
  it('the .describe texts of the schema named at response_model.schema are prompts; a form schema kept in a local object is not', async () => {
    const f = await detectFile(INSTRUCTOR, 'convex/together.ts');
    const described = f.prompts.filter((p) => p.kind === 'tool-description');
    assert.deepEqual(described.map((p) => p.line), [8, 9]);
    assert.match(described[0].reason ?? '', /schema description sent with create/);
    assert.ok(!f.prompts.some((p) => p.line === 13), 'the signup form is validated and kept in a local, never sent');
  });

  it("an inline schema, the response model's description, and withResponseModel's response_model are sent", async () => {
    const f = await detectFile(INLINE, 'classify.ts');
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [8, 22, 23]);
  });

  it('repository: a schema imported from another file and named at response_model.schema is a prompt of its file', async () => {
    const r = await scanTree({
      'src/schemas.ts': `import { z } from "zod";\n\nexport const NoteSchema = z.object({\n  title: z.string().describe("Short descriptive title of what the voice message is about"),\n});\n\nexport const ProfileForm = z.object({\n  bio: z.string().describe("A few sentences shown on the public profile page"),\n});\n`,
      'src/summarize.ts': `import OpenAI from "openai";\nimport Instructor from "@instructor-ai/instructor";\nimport { NoteSchema, ProfileForm } from "./schemas";\n\nconst client = Instructor({ client: new OpenAI(), mode: "JSON_SCHEMA" });\n\nexport async function summarize(text: string, body: unknown) {\n  ProfileForm.parse(body);\n  return client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }], response_model: { schema: NoteSchema, name: "Note" } });\n}\n`,
    });
    const prompts = file(r, 'src/schemas.ts').prompts;
    assert.deepEqual(prompts.map((p) => [p.line, p.kind]), [[3, 'tool-description']], 'the note schema only, never the profile form');
  });
});
