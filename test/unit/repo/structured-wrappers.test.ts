/**
 * A schema class passed to the repository's own structured-output wrapper (`bind_structured(llm, Plan, "…")`,
 * whose parameter goes to `llm.with_structured_output(schema)` in another module) is sent with the request:
 * its docstring and field descriptions are a tool-description prompt of the file that declares it.
 */
import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { scanTree } from './fixture-scan';

const WRAPPER = `from typing import Any

def bind_structured(llm: Any, schema: type, agent: str):
    try:
        return llm.with_structured_output(schema)
    except NotImplementedError:
        return None

def check_shape(data: dict, schema: type):
    return schema.model_validate(data)

def ask(structured, prompt):
    return structured.invoke(prompt)
`;

const SCHEMAS = `from pydantic import BaseModel, Field

class Verdict(BaseModel):
    """The reviewer's verdict on the submitted plan."""
    approve: bool = Field(description="Whether the plan can be executed as written")
    reason: str = Field(description="One sentence naming the decisive reason")

class StoredRow(BaseModel):
    """A row as it is saved to the database."""
    key: str = Field(description="The primary key of the row")
`;

const AGENT = `from langchain_openai import ChatOpenAI
from app.schemas import Verdict, StoredRow
from app.wrappers import bind_structured, check_shape, ask

def review(plan: str):
    llm = ChatOpenAI(model="gpt-4o-mini")
    structured = bind_structured(llm, Verdict, "Reviewer")
    row = check_shape({"key": plan}, StoredRow)
    return ask(structured, "Review this plan: " + plan), row
`;

describe('schemas sent through a structured-output wrapper of the repository', () => {
  it('a parameter handed to with_structured_output makes its function a sender; one only validated against is not', async () => {
    const detected = await detectFile(WRAPPER, 'app/wrappers.py');
    assert.deepEqual(detected.facts?.schemaSenders?.map((s) => [s.fn, s.param]), [['bind_structured', 1]]);
  });

  it('the class passed to the wrapper from a third module is a prompt of its own file; a class passed to a validator is not', async () => {
    const r = await scanTree({ 'app/wrappers.py': WRAPPER, 'app/schemas.py': SCHEMAS, 'app/agent.py': AGENT });
    const schemas = r.files.find((f) => f.path === 'app/schemas.py');
    assert.deepEqual(schemas?.prompts.map((p) => p.name), ['Verdict']);
    assert.match(schemas!.prompts[0].preview, /Whether the plan can be executed/);
  });
});
