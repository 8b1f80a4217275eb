import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const PIPELINE = `from langgraph.graph import END, START, StateGraph
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4.1-mini")

def generate_query(state):
    return {"query": llm.invoke(f"Write a search query for: {state['topic']}").content}

def summarize(state):
    return {"summary": llm.invoke(f"Summarize: {state['results']}").content}

builder = StateGraph(dict)
builder.add_node("generate_query", generate_query)
builder.add_node("summarize", summarize)
builder.add_edge(START, "generate_query")
builder.add_edge("generate_query", "summarize")
builder.add_edge("summarize", END)
graph = builder.compile()
`;

const REFLECTION = `from langgraph.graph import END, START, StateGraph
from langchain_anthropic import ChatAnthropic

llm = ChatAnthropic(model="claude-sonnet-4-5")
MAX_REVISIONS = 3

def draft(state):
    return {"draft": llm.invoke(state["messages"]), "revision_number": state["revision_number"] + 1}

def critique(state):
    return {"messages": [llm.invoke([("system", "You are a strict reviewer."), ("user", state["draft"].content)])]}

def should_continue(state):
    if state["revision_number"] > MAX_REVISIONS:
        return END
    return "critique"

builder = StateGraph(dict)
builder.add_node("draft", draft)
builder.add_node("critique", critique)
builder.add_edge(START, "draft")
builder.add_conditional_edges("draft", should_continue)
builder.add_edge("critique", "draft")
graph = builder.compile()
`;

describe('detect: compositions priced as tasks', () => {
  it('LangGraph: a straight pipeline is one run of its nodes, not a loop', async () => {
    const f = await detectFile(PIPELINE, 'research/graph.py');
    assert.deepEqual(f.loops, []);
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(
      requests.map((c) => [c.line, c.model, c.usedBy]),
      [
        [7, 'gpt-4.1-mini', undefined],
        [10, 'gpt-4.1-mini', undefined],
      ],
    );
  });

  it('LangGraph: a cycle back to an earlier node is a loop bounded by the counter its router compares', async () => {
    const f = await detectFile(REFLECTION, 'reflection/graph.py');
    assert.equal(f.loops.length, 1);
    const [loop] = f.loops;
    assert.deepEqual([loop.line, loop.framework, loop.maxSteps, loop.stepOption, loop.unbounded], [24, 'langgraph', 4, 'state["revision_number"] > MAX_REVISIONS', false]);
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(requests.map((c) => c.usedBy), [loop.id, loop.id], 'the requests of the cycle are its steps');
    assert.equal(loop.callId, requests[0].id);
  });

  it('LangGraph JS: a model ↔ tools cycle (toolsCondition, addEdge back) with recursionLimit', async () => {
    const src = `import { StateGraph, MessagesAnnotation, START } from "@langchain/langgraph";
import { ToolNode, toolsCondition } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";

const model = new ChatOpenAI({ model: "gpt-4o" }).bindTools(tools);

async function callModel(state) {
  const response = await model.invoke(state.messages);
  return { messages: [response] };
}

const app = new StateGraph(MessagesAnnotation)
  .addNode("agent", callModel)
  .addNode("tools", new ToolNode(tools))
  .addEdge(START, "agent")
  .addConditionalEdges("agent", toolsCondition)
  .addEdge("tools", "agent")
  .compile();

export const run = (input) => app.invoke({ messages: [input] }, { recursionLimit: 12 });
`;
    const f = await detectFile(src, 'agent.ts');
    assert.deepEqual(
      f.loops.map((l) => [l.framework, l.maxSteps, l.stepOption]),
      [['langgraph', 12, 'recursion_limit']],
    );
    const req = f.calls.find((c) => c.line === 8)!;
    assert.deepEqual([req.model, req.usedBy, req.needs], ['gpt-4o', f.loops[0].id, { tools: true }]);
  });

  it('Agents SDK: handoff targets and agents used as tools are steps of the entry agent\'s task', async () => {
    const src = `from agents import Agent, Runner, handoff

billing_agent = Agent(name="Billing", instructions="You resolve billing questions.", model="gpt-4.1-mini")
refund_agent = Agent(name="Refunds", instructions="You process refunds.", model="gpt-4.1-mini")
translator = Agent(name="Translator", instructions="Translate the text to Spanish.", model="gpt-4.1-nano")

triage_agent = Agent(
    name="Triage",
    instructions="Route the customer to the right specialist.",
    model="gpt-4.1",
    handoffs=[billing_agent, handoff(agent=refund_agent)],
    tools=[translator.as_tool(tool_name="translate", tool_description="Translate to Spanish")],
)
billing_agent.handoffs.append(triage_agent)

async def main(question):
    return await Runner.run(triage_agent, question)
`;
    const f = await detectFile(src, 'support.py');
    const loopAt = (line: number) => f.loops.find((l) => l.line === line)!;
    const entry = loopAt(7);
    assert.equal(entry.stepOf, undefined, 'the entry agent is the task');
    assert.deepEqual([loopAt(3).stepOf, loopAt(4).stepOf, loopAt(5).stepOf], [entry.id, entry.id, entry.id]);
  });

  it('Agents SDK: a while True around a generator and a judge run is one unbounded task; a chat REPL is not', async () => {
    const src = `from agents import Agent, Runner

writer = Agent(name="writer", instructions="Write a short story outline.")
judge = Agent(name="judge", instructions="Score the outline: pass or needs_improvement.")

async def improve(topic):
    items = [{"role": "user", "content": topic}]
    while True:
        outline = await Runner.run(writer, items)
        items = outline.to_input_list()
        verdict = await Runner.run(judge, items)
        if verdict.final_output.score == "pass":
            break
        items.append({"role": "user", "content": f"Feedback: {verdict.final_output.feedback}"})

async def chat():
    while True:
        question = input("> ")
        print((await Runner.run(writer, question)).final_output)
        print((await Runner.run(judge, question)).final_output)
`;
    const f = await detectFile(src, 'judge.py');
    const loop = f.loops.find((l) => l.framework === 'hand-written');
    assert.ok(loop, 'the generator/judge loop');
    assert.deepEqual([loop.line, loop.unbounded, loop.maxSteps], [8, true, undefined]);
    assert.deepEqual(
      f.loops.filter((l) => l.framework === 'openai-agents').map((l) => l.stepOf),
      [loop.id, loop.id],
    );
    assert.equal(f.loops.filter((l) => l.framework === 'hand-written').length, 1, 'the REPL waits for a person each turn');
  });

  it('CrewAI: a crew is priced at its kickoff as one task; its agents are steps of it', async () => {
    const src = `from crewai import Agent, Crew, Process, Task

researcher = Agent(role="Researcher", goal="Find facts about {topic}", backstory="A careful analyst.", llm="gpt-4o-mini", max_iter=5)
writer = Agent(role="Writer", goal="Write a brief on {topic}", backstory="A clear writer.", llm="gpt-4o-mini", max_iter=3)
research = Task(description="Research {topic}.", expected_output="Ten bullet points.", agent=researcher)
brief = Task(description="Write the brief.", expected_output="One page.", agent=writer)

crew = Crew(agents=[researcher, writer], tasks=[research, brief], process=Process.sequential)

def run(topic):
    return crew.kickoff(inputs={"topic": topic})
`;
    const f = await detectFile(src, 'crew.py');
    const kickoff = f.loops.find((l) => l.line === 11)!;
    assert.deepEqual([kickoff.framework, kickoff.maxSteps, kickoff.stepOption], ['crewai', 8, 'max_iter of its agents']);
    assert.deepEqual(
      f.loops.filter((l) => l !== kickoff).map((l) => [l.line, l.stepOf]),
      [
        [3, kickoff.id],
        [4, kickoff.id],
      ],
    );
  });
});
