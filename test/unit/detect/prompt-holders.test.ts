import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const PROMPT_CLASSES = `
class AssistantPrompts:
    system_reminder = ""
    files_added = "I added these files to the chat, you may edit them now."
    files_none = "I am not sharing any files yet."
    model_name = "gpt-4o-mini"
    example_messages = []


class DiffPrompts(AssistantPrompts):
    main_system = """Act as a careful software engineer.
Answer with diffs only.
"""
    example_messages = [
        dict(role="user", content="Rename the function foo to bar please"),
        dict(role="assistant", content="Here is the diff that renames it."),
    ]


class PromptTooLongError(Exception):
    message = "The prompt is too long for this model, shorten it"


class ErrorMessages:
    not_found = "The file you asked for was not found on disk"
`;

describe('detect: prompts held by prompt classes, tool results, schemas', () => {
  it('a class named for prompts: its text attributes are prompts, in subclasses too; errors, settings and other classes are not', async () => {
    const f = await detectFile(PROMPT_CLASSES, 'prompts.py');
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [
        [4, 'other'],
        [5, 'other'],
        [11, 'system'],
        [15, 'user-template'],
        [16, 'few-shot'],
      ],
    );
    assert.ok(!f.prompts.some((p) => p.line === 6), 'a model id is not prose');
    assert.ok(!f.prompts.some((p) => p.line >= 20), 'an exception message and a plain class of messages are not prompts');
  });

  it('TypeScript: class fields of a prompt class', async () => {
    const f = await detectFile(
      `export class ReviewPrompts {\n  intro = "You review pull requests for correctness and style.";\n  id = "review-v2";\n}\nexport class Labels {\n  intro = "Welcome back to the dashboard, have a look around";\n}\n`,
      'prompts.ts',
    );
    assert.deepEqual(
      f.prompts.map((p) => p.line),
      [2],
    );
  });

  it('tool results the code writes are sent back to the model; data passed back is not', async () => {
    const f = await detectFile(
      `from langchain_core.messages import ToolMessage

compress_human_message = """Clean up the findings above, keep every source and quote."""
error_message = "Something went wrong while talking to the server, try again"

def tools_node(calls):
    out = []
    for c in calls:
        out.append(ToolMessage(content=f"Reflection recorded: {c['args']['reflection']}", tool_call_id=c["id"]))
        out.append(ToolMessage(content=str(c), tool_call_id=c["id"]))
        out.append({"role": "tool", "content": f"Error: the tool {c['name']} is not available, pick another one"})
        out.append({"role": "tool", "content": c["result"]})
    return out
`,
      'nodes.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [
        [3, 'user-template'],
        [9, 'other'],
        [11, 'other'],
      ],
    );
  });

  it('a pydantic class sent with with_structured_output / bind_tools is a tool-description prompt; a described settings class is not', async () => {
    const f = await detectFile(
      `from pydantic import BaseModel, Field

class ConductResearch(BaseModel):
    """Call this tool to research one topic."""
    topic: str = Field(description="The topic, described in detail.")

class Done(BaseModel):
    """Call this tool when the research is complete."""

class Configuration(BaseModel):
    max_loops: int = Field(default=3, description="How many research loops to run at most")

async def supervisor(model, messages):
    tools = [ConductResearch, Done]
    bound = model.bind_tools(tools)
    return await bound.ainvoke(messages)
`,
      'graph.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.endLine, p.kind]),
      [
        [3, 5, 'tool-description'],
        [7, 8, 'tool-description'],
      ],
    );
    assert.equal(f.prompts[0].text, 'ConductResearch\nCall this tool to research one topic.\ntopic: str — The topic, described in detail.');
    assert.deepEqual(f.facts?.schemaUses, [{ names: ['ConductResearch', 'Done'], line: 15, endLine: 15, fn: 'supervisor', target: 'bound' }]);
    assert.deepEqual(
      f.facts?.schemas?.map((s) => s.name),
      ['ConductResearch', 'Done', 'Configuration'],
      'every schema-like class is kept for uses from other files; only uses make them prompts',
    );
  });

  it('zod .describe() texts of a schema handed to tool() or a structured output are tool descriptions; a form schema is not', async () => {
    const f = await detectFile(
      `import { tool, streamText, Output } from "ai";
import { z } from "zod";

export const updateDocument = tool({
  description: "Update a document with the given description.",
  inputSchema: z.object({
    id: z.string().describe("The ID of the document to update"),
    kind: z.string().describe("text"),
  }),
  execute: async ({ id }) => {
    const { partialOutputStream } = streamText({
      model: "x",
      prompt: id,
      output: Output.array({
        element: z.object({ originalSentence: z.string().describe("The original sentence") }),
      }),
    });
  },
});

const signupForm = z.object({ email: z.string().email().describe("Your work email address") });
`,
      'tools.ts',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind, p.text]),
      [
        [5, 'tool-description', 'Update a document with the given description.'],
        [7, 'tool-description', 'The ID of the document to update'],
        [15, 'tool-description', 'The original sentence'],
      ],
      'a one-word description is a label, and a schema no call receives is not sent',
    );
  });

  it('a template made only of other prompts is not a prompt again; the call sends its parts', async () => {
    const f = await detectFile(
      `import { streamText } from "ai";
export const regularPrompt = "You are a friendly assistant! Keep your responses concise and helpful.";
export const artifactsPrompt = \`Artifacts is a side panel that helps users with writing and editing documents.\`;
export const systemPrompt = ({ hints }: { hints: string }) => {
  const requestPrompt = getHints(hints);
  return \`\${regularPrompt}\\n\\n\${requestPrompt}\`;
};
export async function run(q: string) {
  return streamText({ model: "openai/gpt-4o", system: \`\${regularPrompt}\\n\\n\${artifactsPrompt}\`, prompt: q });
}
`,
      'prompts.ts',
    );
    assert.deepEqual(
      f.prompts.map((p) => p.line),
      [2, 3],
    );
    assert.deepEqual(f.calls[0].promptIds, f.prompts.map((p) => p.id));
  });
});
