import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

// Texts sent inside request payloads written by hand (payload-tool-texts.ts, json-schema-prompts.ts, created-models-py.ts).

const TOOLS_LIST = `// the { type, properties } wrapper is added where the OpenAI request is built
export const toolsList = [
  {
    name: "get_weather",
    description: "Get the weather for a given location",
    parameters: {
      location: { type: "string", description: "Location to get weather for" },
      unit: { type: "string", description: "Unit to get weather in", enum: ["celsius", "fahrenheit"] },
    },
  },
  {
    name: "summarize",
    description: "Summarize the page the user is reading",
    parameters: { temperature: 0.2, top_p: 1 },
  },
];
`;

const CONNECTORS = `export function connectorTools(token: string) {
  return [
    { type: "mcp", server_label: "GoogleCalendar", server_description: "Search the user's calendar and read events", connector_id: "connector_googlecalendar", authorization: token },
  ];
}
export const form = { server_description: "Describe the server you are adding here", url: "" };
`;

const FORMAT_PY = `from openai import OpenAI

client = OpenAI()


def _field_description(language):
    target = language or "the target language"
    return f"The source text translated into {target}."


def translation_schema(language, field):
    return {
        "name": field,
        "strict": True,
        "schema": {
            "type": "object",
            "properties": {
                field: {"type": "string", "description": _field_description(language)},
            },
            "required": [field],
            "additionalProperties": False,
        },
    }


def classification_schema(candidates):
    return {
        "name": "classification",
        "strict": True,
        "schema": {
            "type": "object",
            "properties": {
                c["signature"]: {
                    "type": "object",
                    "properties": {
                        "verdict": {"type": "string", "description": ("Whether a reader wants this text translated, "
                                                                        "or kept as it is")},
                    },
                }
                for c in candidates
            },
        },
    }


# Look-alikes: an OpenAPI parameter and a validator's schema are sent to no model.
QUERY_PARAMETER = {
    "name": "filter",
    "in": "query",
    "strict": True,
    "schema": {"type": "object", "properties": {"owner": {"type": "string", "description": "Owner of the listed repositories"}}},
}
CONFIG_SCHEMA = {"type": "object", "properties": {"path": {"type": "string", "description": "Where the cache files are written"}}}
`;

const CREATED_PY = `from functools import lru_cache
from pydantic import Field, create_model
from openai import OpenAI

client = OpenAI()


def _batch_description(language):
    return f"The source paragraphs translated into {language}, one per input paragraph and in the same order."


@lru_cache(maxsize=None)
def batch_model(language, field):
    return create_model(field, **{field: (list[str], Field(description=_batch_description(language)))})


def settings_model():
    return create_model("Settings", cache=(str, Field(description="Folder the translated books are cached in")))


def translate(messages, language):
    return client.beta.chat.completions.parse(model="gpt-4o", messages=messages, response_format=batch_model(language, "paragraphs"))


def load_settings(raw):
    return settings_model()(**raw)
`;

describe('texts of hand-written request payloads (payload-tool-texts.ts)', () => {
  it('a tool list whose parameters are written as the bare property map: each property description', async () => {
    const f = await detectFile(TOOLS_LIST, 'config/tools-list.ts');
    const lines = f.prompts.map((p) => p.line).sort((a, b) => a - b);
    // The sampling settings under the second tool's `parameters` are no schema.
    assert.deepEqual(lines, [5, 7, 8, 13]);
  });

  it('the server_description of an MCP tool, not a form field of the same name', async () => {
    const f = await detectFile(CONNECTORS, 'lib/tools/connectors.ts');
    assert.deepEqual(f.prompts.map((p) => [p.line, p.kind]), [[3, 'tool-description']]);
  });

  it('a json_schema output format: descriptions written, returned by a helper, and per key of a comprehension', async () => {
    const f = await detectFile(FORMAT_PY, 'translator.py');
    const lines = f.prompts.map((p) => p.line).sort((a, b) => a - b);
    // Not the OpenAPI parameter (:54) nor the config schema (:58).
    assert.deepEqual(lines, [8, 36]);
  });

  it('a pydantic model created for response_format: its field descriptions; a model only validated gives none', async () => {
    const f = await detectFile(CREATED_PY, 'translator.py');
    assert.deepEqual(f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line), [9]);
  });
});

const HELPER_SCHEMAS = `// MCP tools advertised to the agent's model
const actionSchema = (op: string) => ({
  type: "object",
  properties: {
    op: { const: op, description: \`Action operation. Use "op": "\${op}"; never use a "kind" field.\` },
    id: { type: "string", description: "Bracketed ID copied from the latest snapshot, as a string." },
  },
});

const RUN_INPUT_SCHEMA = {
  type: "object",
  properties: {
    actions: { type: "array", items: { oneOf: [actionSchema("click"), actionSchema("hover")] } },
  },
};

export const TOOLS = [{ name: "run", description: "Run snapshot actions on the page", inputSchema: RUN_INPUT_SCHEMA }];

// A validator's schema built by a helper: sent to no model.
const fieldSchema = (name: string) => ({ type: "object", properties: { [name]: { type: "string", description: "Value typed into the settings form" } } });
export const FORM = { anyOf: [fieldSchema("host"), fieldSchema("port")] };
`;

describe('JSON schemas a helper builds inside a tool schema (json-schema-prompts.ts)', () => {
  it('the alternatives of oneOf written as calls of a helper: the helper\'s descriptions', async () => {
    const f = await detectFile(HELPER_SCHEMAS, 'facade/contract.ts');
    assert.deepEqual(f.prompts.map((p) => p.line).sort((a, b) => a - b), [5, 6, 17]);
  });
});
