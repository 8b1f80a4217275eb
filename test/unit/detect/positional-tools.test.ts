import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const POSITIONAL = `from langchain.tools.retriever import create_retriever_tool
from langchain_core.tools import Tool, StructuredTool


def wiki_tool(retriever):
    return create_retriever_tool(retriever, "wiki_search", "Search the encyclopedia for a topic")


def image_tool(wrapper):
    return Tool("Image-Generator", wrapper.run, "Draws a picture from a text description")


def search_tool(search):
    return StructuredTool.from_function(search, "web_search", "Looks a query up on the web")


def retrieval_tool(retriever, description):
    return create_retriever_tool(retriever, "Retriever", description)


def own_tool(a, b):
    return Tool("Run the shell command given", a, b)
`;

const RECORDS = `from typing import Literal
from pydantic import BaseModel
from langchain.tools import Tool


class BaseTool(BaseModel):
    name: str
    description: str


class Wikipedia(BaseTool):
    name: Literal["Wikipedia"] = "Wikipedia"
    description: Literal["Searches Wikipedia for pages."] = "Searches Wikipedia for pages."


class Calculator(Tool):
    name = "calculator"
    description = "Evaluates an arithmetic expression and returns the result."
`;

const ANNOTATED = `from typing import Annotated
from pydantic import BaseModel, Field
from langchain_community.tools.ddg_search.tool import DuckDuckGoSearchRun


class SearchInput(BaseModel):
    query: Annotated[str, Field(description="search query to look up")]


class ServerSettings(BaseModel):
    port: Annotated[int, Field(description="port the web server listens on")]


def ddg():
    return DuckDuckGoSearchRun(args_schema=SearchInput)
`;

describe('detect: tools built by position, Annotated schema fields, own tool records (Python)', () => {
  it('reads the description of create_*_tool, Tool(name, func, description) and from_function by position', async () => {
    const f = await detectFile(POSITIONAL, 'tools.py');
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.deepEqual(lines, [6, 10, 14]);
    assert.ok(!f.prompts.some((p) => p.line === 18), 'a description parameter is the caller\'s text, not a same-named field');
    assert.ok(!f.prompts.some((p) => p.line === 22), 'a sentence in the name slot: not the library\'s (name, func, description)');
  });

  it('a description field of the repository\'s own BaseTool(BaseModel) record is data; an imported tool class\'s is sent', async () => {
    const f = await detectFile(RECORDS, 'tools.py');
    const lines = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.ok(!lines.includes(13), 'the UI record\'s description is no prompt');
    assert.ok(lines.includes(18), 'the LangChain tool class\'s description is');
  });

  it('a Field(description) inside Annotated[…] is part of the args schema sent; a settings model is not', async () => {
    const f = await detectFile(ANNOTATED, 'tools.py');
    const schema = f.prompts.find((p) => p.kind === 'tool-description');
    assert.ok(schema, 'the args schema is reported');
    assert.equal(schema.line, 6);
    assert.match(schema.text, /search query to look up/);
    assert.ok(!f.prompts.some((p) => p.line >= 10 && p.line <= 11), 'the settings model is sent nowhere');
  });
});
