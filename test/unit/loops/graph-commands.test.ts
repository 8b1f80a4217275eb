import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

/** Nodes that route themselves with `Command(goto=…)`: no add_edge back, the cycle is in the returns. */
const COMMAND_CYCLE = `from typing import Literal
from langgraph.graph import END, START, StateGraph
from langgraph.types import Command
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4.1-mini")
MAX_ROUNDS = 5

async def planner(state) -> Command[Literal["executor"]]:
    reply = await llm.ainvoke(state["messages"])
    return Command(goto="executor", update={"messages": [reply], "rounds": state.get("rounds", 0) + 1})

async def executor(state) -> Command[Literal["planner", "__end__"]]:
    rounds = state.get("rounds", 0)
    done = rounds >= MAX_ROUNDS
    if done or not state["messages"][-1].tool_calls:
        return Command(goto=END)
    return Command(goto="planner", update={"messages": run_tools(state)})

builder = StateGraph(dict)
builder.add_node("planner", planner)
builder.add_node("executor", executor)
builder.add_edge(START, "planner")
graph = builder.compile()
`;

/** A straight pipeline routed by Command: each node goes forward only. */
const COMMAND_PIPELINE = `from langgraph.graph import END, START, StateGraph
from langgraph.types import Command
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4.1-mini")

def clarify(state):
    answer = llm.invoke(state["messages"])
    if answer.content == "stop":
        return Command(goto=END)
    return Command(goto="brief")

def brief(state):
    return Command(goto="report", update={"brief": llm.invoke(state["messages"]).content})

def report(state):
    return {"report": llm.invoke(state["brief"]).content}

builder = StateGraph(dict)
builder.add_node("clarify", clarify)
builder.add_node("brief", brief)
builder.add_node("report", report)
builder.add_edge(START, "clarify")
builder.add_edge("report", END)
graph = builder.compile()
`;

describe('loops: LangGraph nodes routed by Command(goto=…)', () => {
  it('a cycle made of Command gotos is a loop, bounded by the counter a node compares', async () => {
    const f = await detectFile(COMMAND_CYCLE, 'agent/graph.py');
    assert.deepEqual(
      f.loops.map((l) => [l.line, l.framework, l.maxSteps, l.unbounded]),
      [[24, 'langgraph', 5, false]],
    );
    assert.equal(f.calls.find((c) => c.line === 10)?.usedBy, f.loops[0].id, 'the planner request is a step of the loop');
  });

  it('a pipeline whose nodes only go forward with Command is not a loop', async () => {
    const f = await detectFile(COMMAND_PIPELINE, 'agent/pipeline.py');
    assert.deepEqual(f.loops, []);
  });
});
