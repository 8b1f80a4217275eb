import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const TOOLS = `from llama_index.core.tools import FunctionTool, QueryEngineTool, ToolMetadata
from llama_index.agent.openai import OpenAIAgent


def describe(doc):
    if doc.kind == "report":
        return f"An annual report filed by {doc.company} for the year {doc.year}."
    return "A document the user picked to discuss with the assistant."


def lookup_price(ticker: str) -> str:
    """Returns the latest closing price of a stock ticker."""
    return str(ticker)


def build(engine, doc, title):
    by_metadata = QueryEngineTool(
        query_engine=engine,
        metadata=ToolMetadata(name="filings", description="Answers questions about the selected filings and their risks."),
    )
    by_helper = QueryEngineTool(query_engine=engine, metadata=ToolMetadata(name="doc", description=describe(doc)))
    priced = FunctionTool.from_defaults(fn=lookup_price)
    agent = OpenAIAgent.from_tools(
        [priced],
        system_prompt=f"You are an analyst answering questions about {title} with your tools.",
    )
    return QueryEngineTool.from_defaults(query_engine=agent, name="analyst", description="Answers numeric questions about one filing.")
`;

/** The same names without llama-index: a repository's own classes, nothing the library sends. */
const OWN = `class ToolMetadata:
    def __init__(self, name, description):
        self.name = name
        self.description = description


class ReportAgent:
    def __init__(self, system_prompt):
        self.system_prompt = system_prompt


meta = ToolMetadata(name="filings", description="Answers questions about the selected filings and their risks.")
agent = ReportAgent(system_prompt=build_text())
`;

const FORMATTED = `from datetime import datetime
from llama_index.agent.openai import OpenAIAgent
from app.constants import SYSTEM_MESSAGE


def engine(tools, docs):
    if docs:
        titles = "\\n".join(d.title for d in docs)
    else:
        titles = "No documents were selected."
    return OpenAIAgent.from_tools(tools=tools, system_prompt=SYSTEM_MESSAGE.format(doc_titles=titles, today=datetime.now()))
`;

const CONSTANTS = `DB_KEY = "db_document_id"

SYSTEM_MESSAGE = """
You are an expert analyst who answers with the tools at your disposal.
Documents: {doc_titles}
""".strip()
`;

describe('detect: texts llama-index sends (tool metadata, tool factories, agent system prompts)', () => {
  it('reads ToolMetadata and from_defaults descriptions, a describing helper\'s returns, a tool function\'s docstring and system_prompt', async () => {
    const f = await detectFile(TOOLS, 'engine.py');
    const tools = f.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(tools, [7, 8, 12, 19, 27]);
    const system = f.prompts.find((p) => p.kind === 'system');
    assert.equal(system?.line, 25);
  });

  it('leaves a repository\'s own ToolMetadata and agent classes alone where llama-index is not imported', async () => {
    const f = await detectFile(OWN, 'own.py');
    assert.ok(!f.prompts.some((p) => p.kind === 'tool-description'), 'no tool description without the library');
  });

  it('a local formatted into an imported prompt template is sent on each branch; a message-named constant module is read', async () => {
    const f = await detectFile(FORMATTED, 'engine.py');
    assert.ok(f.prompts.some((p) => p.line === 10 && /No documents were selected/.test(p.text)), 'the else-branch text spliced into the template');
    const c = await detectFile(CONSTANTS, 'constants.py');
    assert.ok(c.prompts.some((p) => p.line === 3), 'SYSTEM_MESSAGE in a module naming nothing else');
    assert.ok(!c.prompts.some((p) => p.line === 1), 'an id constant is no prompt');
  });
});
