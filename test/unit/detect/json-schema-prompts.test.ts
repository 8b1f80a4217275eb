import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const PY_TOOL_SCHEMA = `
import litellm

run_schema = {
    "type": "function",
    "function": {
        "name": "run",
        "description": "Runs a shell command on the user's machine and returns its output",
        "parameters": {
            "type": "object",
            "properties": {
                "command": {
                    "type": "string",
                    "description": "The shell command to run, as typed in a terminal",
                },
                "options": {
                    "type": "array",
                    "items": {"type": "string", "description": "One flag passed to the command"},
                },
            },
            "required": ["command"],
        },
    },
}

# A JSON schema that validates a settings file: no tool holds it, nothing sends it.
SETTINGS_SCHEMA = {
    "type": "object",
    "properties": {
        "theme": {"type": "string", "description": "The colour theme of the user interface"},
    },
}


def ask(messages):
    return litellm.completion(model="gpt-4o", messages=messages, tools=[run_schema])
`;

const TS_TOOL_SCHEMA = `
import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic();
const tools = [
  {
    name: 'get_weather',
    description: 'Get the current weather for a city',
    input_schema: {
      type: 'object',
      properties: {
        city: { type: 'string', description: 'The city to get the weather for' },
      },
    },
  },
];
const formSchema = { type: 'object', properties: { email: { type: 'string', description: 'Your work email address please' } } };

export async function ask(q: string) {
  return client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, tools, messages: [{ role: 'user', content: q }] });
}
`;

describe('detect: tool texts a request sends (JSON-schema parameter descriptions, tool calls the code writes)', () => {
  it('Python: each property description (nested items too) is a tool-description prompt; a validation schema is not', async () => {
    const f = await detectFile(PY_TOOL_SCHEMA, 'tools.py');
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.deepEqual(lines, [8, 14, 18]);
    assert.ok(!f.prompts.some((p) => /colour theme/.test(p.text)), 'the settings schema is not sent to a model');
  });

  it('TypeScript: input_schema property descriptions are prompts; a form schema is not', async () => {
    const f = await detectFile(TS_TOOL_SCHEMA, 'tools.ts');
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.deepEqual(lines, [8, 12]);
    assert.ok(!f.prompts.some((p) => /work email/.test(p.text)), 'the form schema is not sent to a model');
  });

  it('the written arguments of a tool call the code inserts into the history are prompt text; arguments the code serializes are not', async () => {
    const source = [
      'import json',
      '',
      'def repair(messages, tool_id, result):',
      '    messages.append({"role": "assistant", "tool_calls": [{"id": tool_id, "type": "function", "function": {"name": "execute", "arguments": "# Automated tool call to fetch more output, triggered by the user."}}]})',
      '    messages.append({"role": "assistant", "tool_calls": [{"id": tool_id, "type": "function", "function": {"name": "lookup", "arguments": json.dumps(result)}}]})',
      '    return messages',
    ].join('\n');
    const f = await detectFile(source, 'repair.py');
    assert.deepEqual(f.prompts.map((p) => [p.line, p.kind]), [[4, 'other']]);
  });
});
