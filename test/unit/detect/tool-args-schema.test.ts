import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { file, scan } from '../repo/fixture-scan';

const TOOL_CLASS = `from typing import Type
from pydantic import BaseModel, Field
from langchain.tools import BaseTool


class SearchInput(BaseModel):
    query: str = Field(..., description="The search query to run against the web index.")


class AppConfig(BaseModel):
    timeout: int = Field(30, description="Seconds to wait before the HTTP client gives up.")


class SearchTool(BaseTool):
    name = "search"
    args_schema: Type[SearchInput] = SearchInput


class Plain(BaseTool):
    args_schema: Type[BaseModel] = None
    response_format = "content_and_artifact"
`;

describe('detect: a schema class set as a tool class attribute (args_schema)', () => {
  it('the class named by args_schema is a tool description; a described settings class and non-class values are not', async () => {
    const f = await detectFile(TOOL_CLASS, 'tools.py');
    const schemas = f.prompts.filter((p) => p.kind === 'tool-description' && p.line < 14);
    assert.deepEqual(
      schemas.map((p) => [p.line, p.endLine]),
      [[6, 7]],
    );
    assert.match(schemas[0].text, /search query to run/);
    assert.ok(!f.prompts.some((p) => p.line >= 10 && p.line <= 11), 'the settings class is sent nowhere');
  });

  it('repository: the schema declared in another module is a prompt of that module; the settings class beside it is not', async () => {
    const r = await scan('tool-args-schema');
    const schemas = file(r, 'agent/tools/schemas.py');
    assert.deepEqual(
      schemas.prompts.map((p) => [p.line, p.kind]),
      [[4, 'tool-description']],
    );
  });
});
