/**
 * A LangGraph group of nodes where the drafting node's tool rounds sit beside a step that waits for a person
 * (repo/graph-cycles.ts): the cycles that avoid the person's node still run alone, so they are an agent loop; a
 * cycle that goes round only through the person is one pass per answer.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const GRAPH = `from langgraph.graph import END, StateGraph
from app.draft import draft
from app.lookup import lookup
from app.inbox import ask_human
from app.state import State


def route(state):
    call = state["messages"][-1].tool_calls[0]
    if call["name"] == "Lookup":
        return "lookup"
    if call["name"] == "Question":
        return "ask_human"
    return END


builder = StateGraph(State)
builder.add_node(draft)
builder.add_node(lookup)
builder.add_node(ask_human)
builder.set_entry_point("draft")
builder.add_conditional_edges("draft", route)
builder.add_edge("lookup", "draft")
builder.add_edge("ask_human", "draft")
graph = builder.compile()
`;

const REVIEW_ONLY = `from langgraph.graph import END, StateGraph
from app.draft import draft
from app.inbox import ask_human
from app.state import State


def after_draft(state):
    return "ask_human" if state["messages"][-1].tool_calls else END


builder = StateGraph(State)
builder.add_node(draft)
builder.add_node(ask_human)
builder.set_entry_point("draft")
builder.add_conditional_edges("draft", after_draft)
builder.add_edge("ask_human", "draft")
graph = builder.compile()
`;

const FILES = {
  'app/state.py': `from typing import TypedDict\n\n\nclass State(TypedDict):\n    messages: list\n`,
  'app/draft.py': `from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt-4o")\n\n\nasync def draft(state):\n    response = await llm.ainvoke(state["messages"])\n    return {"messages": [response]}\n`,
  'app/lookup.py': `async def lookup(state):\n    return {"messages": [{"role": "tool", "content": "found"}]}\n`,
  'app/inbox.py': `from langgraph.types import interrupt\n\n\ndef ask_human(state):\n    answer = interrupt(["question"])[0]\n    return {"messages": [{"role": "user", "content": answer}]}\n`,
};

describe('loops: a LangGraph cycle cut where a person answers', () => {
  it('draft ↔ lookup beside draft ↔ ask_human: the tool round is a loop, bounded by the recursion limit', async () => {
    const r = await scanTree({ ...FILES, 'app/graph.py': GRAPH });
    const loops = file(r, 'app/graph.py').agentLoops;
    assert.deepEqual(loops.map((l) => [l.line, l.framework, l.bounded]), [[22, 'langgraph', true]]);
    assert.ok(loops[0].stepSites?.some((s) => s.path === 'app/draft.py'), 'its step is the drafting request');
  });

  it('look-alike: a cycle that goes round only through the person is no loop', async () => {
    const r = await scanTree({ ...FILES, 'app/graph.py': REVIEW_ONLY });
    assert.equal(r.files.find((f) => f.path === 'app/graph.py')?.agentLoops.length ?? 0, 0);
  });
});
