import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { file, scanTree } from './fixture-scan';

const SCHEMAS = `from dataclasses import dataclass, field
from typing import Any
from pydantic import BaseModel, Field

DEFAULT_EXTRACTION_SCHEMA = {
    "title": "CompanyInfo",
    "description": "Basic information about a company",
    "type": "object",
    "properties": {
        "company_name": {"type": "string", "description": "Official name of the company"},
        "founding_year": {"type": "integer", "description": "Year the company was founded"},
    },
    "required": ["company_name"],
}

PERSON_SCHEMA = {
    "type": "object",
    "properties": {
        "role": {"type": "string", "description": "Current job title of the person"},
    },
}

CONFIG_SCHEMA = {
    "type": "object",
    "properties": {
        "timeout": {"type": "integer", "description": "Seconds to wait for the search API"},
    },
}

FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "email": {"type": "string", "description": "Address the report is mailed to"},
    },
}


@dataclass(kw_only=True)
class InputState:
    company: str
    extraction_schema: dict[str, Any] = field(default_factory=lambda: DEFAULT_EXTRACTION_SCHEMA)
    settings_schema: dict[str, Any] = field(default_factory=lambda: CONFIG_SCHEMA)


class PersonState(BaseModel):
    person_schema: dict[str, Any] = Field(default_factory=lambda: PERSON_SCHEMA)
`;

const GRAPH = `import json
import logging
import jsonschema
from langchain_anthropic import ChatAnthropic
from agent.state import InputState, PersonState, FORM_SCHEMA
from agent.prompts import EXTRACTION_PROMPT

llm = ChatAnthropic(model="claude-3-5-sonnet-latest")
logger = logging.getLogger(__name__)


def extract(state: InputState):
    structured_llm = llm.with_structured_output(state.extraction_schema)
    return structured_llm.invoke("Extract the company facts from the notes.")


def research(state: PersonState):
    system_prompt = EXTRACTION_PROMPT.format(info=json.dumps(state.person_schema, indent=2))
    logger.info(f"settings: {json.dumps(state.settings_schema)}")
    jsonschema.validate({"email": "a@b.c"}, FORM_SCHEMA)
    return llm.invoke([{"role": "system", "content": system_prompt}])
`;

const PROMPTS = `EXTRACTION_PROMPT = """Your task is to take notes gathered from web research and extract them into the following schema.

<schema>
{info}
</schema>
"""
`;

describe('JSON-schema dicts sent as data (schema-dicts-py.ts)', () => {
  it('records schema dicts with descriptions by name and by the state fields they are the default of, and the uses by field', async () => {
    const detected = await detectFile(SCHEMAS, 'agent/state.py');
    assert.deepEqual(
      detected.facts?.schemas?.map((s) => s.name).sort(),
      ['.extraction_schema', '.person_schema', '.settings_schema', 'CONFIG_SCHEMA', 'DEFAULT_EXTRACTION_SCHEMA', 'FORM_SCHEMA', 'PERSON_SCHEMA'],
    );
    const graph = await detectFile(GRAPH, 'agent/graph.py');
    const uses = graph.facts?.schemaUses?.map((u) => u.names.join()) ?? [];
    assert.ok(uses.includes('.extraction_schema'), 'with_structured_output(state.extraction_schema)');
    assert.ok(uses.includes('.person_schema'), 'json.dumps(state.person_schema) formatted into a prompt');
    assert.ok(!uses.includes('.settings_schema'), 'a dump in a log line is no use');
  });

  it('reports the dicts a request sends where they are written; a dict that validates, or is only logged, is not reported', async () => {
    const r = await scanTree({ 'agent/state.py': SCHEMAS, 'agent/graph.py': GRAPH, 'agent/prompts.py': PROMPTS });
    const state = file(r, 'agent/state.py');
    assert.deepEqual(
      state.prompts.map((p) => [p.line, p.endLine]).sort((a, b) => a[0] - b[0]),
      [
        [5, 14],
        [16, 21],
      ],
      'DEFAULT_EXTRACTION_SCHEMA (structured output) and PERSON_SCHEMA (dumped into the prompt); never CONFIG_SCHEMA nor FORM_SCHEMA',
    );
    assert.match(state.prompts[0]!.preview, /Basic information about a company/);
  });

  it('a schema dict handed to the binding by name, or dumped into an f-string prompt by name, is reported', async () => {
    const r = await scanTree({
      'app.py': `import json
from openai import OpenAI
from langchain_openai import ChatOpenAI

ANSWER_SCHEMA = {
    "title": "Answer",
    "type": "object",
    "properties": {"answer": {"type": "string", "description": "The final answer to the question"}},
}
REPORT_SCHEMA = {
    "type": "object",
    "properties": {"summary": {"type": "string", "description": "A short summary of the findings"}},
}
AUDIT_SCHEMA = {
    "type": "object",
    "properties": {"user": {"type": "string", "description": "Who asked the question"}},
}

llm = ChatOpenAI(model="gpt-4o")
client = OpenAI()


def answer(q):
    return llm.with_structured_output(ANSWER_SCHEMA).invoke(q)


def report(text):
    prompt = f"Summarize the text as JSON matching this schema:\\n{json.dumps(REPORT_SCHEMA)}\\n\\n{text}"
    print(f"audit schema: {json.dumps(AUDIT_SCHEMA)}")
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
`,
    });
    const app = file(r, 'app.py');
    const schemaLines = app.prompts.filter((p) => p.line <= 17).map((p) => p.line);
    assert.deepEqual(schemaLines.sort((a, b) => a - b), [5, 10], 'ANSWER_SCHEMA and REPORT_SCHEMA; not AUDIT_SCHEMA (printed)');
  });
});
