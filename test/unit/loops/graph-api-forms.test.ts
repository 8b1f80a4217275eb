import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scanTree } from '../repo/fixture-scan';

/** Agents whose `run` methods send the requests, in their own module (the graph's nodes are their bound methods). */
const AGENTS_PY = `from langchain_openai import ChatOpenAI

class Drafter:
    def run(self, state):
        text = ChatOpenAI(model="gpt-4o-mini").invoke([("user", "draft about " + state["topic"])]).content
        return {**state, "draft": text}

class Reviewer:
    def run(self, state):
        note = ChatOpenAI(model="gpt-4o-mini").invoke([("user", "review: " + state["draft"])]).content
        return {**state, "note": None if note == "ok" else note}

class Printer:
    def run(self, state):
        print(state["draft"])
        return state
`;

/** The first releases' API: a plain `Graph`, keyword-form conditional edges, a lambda router, the back edge in the mapping. */
const LEGACY_GRAPH_PY = `from langgraph.graph import Graph
from agents import Drafter, Reviewer, Printer

def newsroom(topic):
    drafter = Drafter()
    reviewer = Reviewer()
    printer = Printer()
    flow = Graph()
    flow.add_node("draft", drafter.run)
    flow.add_node("review", reviewer.run)
    flow.add_node("print", printer.run)
    flow.add_edge("draft", "review")
    flow.add_conditional_edges(start_key="review",
                               condition=lambda s: "done" if s["note"] is None else "again",
                               conditional_edge_mapping={"done": "print", "again": "draft"})
    flow.set_entry_point("draft")
    flow.set_finish_point("print")
    return flow.compile().invoke({"topic": topic})
`;

/** The same spelling with no way back (the mapping only goes forward): a pipeline. */
const LEGACY_PIPELINE_PY = `from langgraph.graph import Graph
from agents import Drafter, Reviewer, Printer

def once(topic):
    flow = Graph()
    flow.add_node("draft", Drafter().run)
    flow.add_node("review", Reviewer().run)
    flow.add_node("print", Printer().run)
    flow.add_edge("draft", "review")
    flow.add_conditional_edges(source="review", path=lambda s: "done", path_map={"done": "print"})
    flow.set_entry_point("draft")
    return flow.compile().invoke({"topic": topic})
`;

/** networkx has a Graph with add_node/add_edge too: a cycle in a data graph is no agent loop. */
const NETWORKX_PY = `from networkx import Graph
from agents import Drafter

def relations(items):
    g = Graph()
    g.add_node("a", Drafter().run)
    g.add_node("b", Drafter().run)
    g.add_edge("a", "b")
    g.add_edge("b", "a")
    return g
`;

/** A MessageGraph whose model node is a pipe into a model parameter; built here, configured in another module. */
const TOOLS_AGENT_PY = `from langchain_core.language_models.base import LanguageModelLike
from langgraph.graph import END
from langgraph.graph.message import MessageGraph

def make_tools_agent(llm: LanguageModelLike, tools, system: str):
    def with_system(messages):
        return [("system", system)] + messages

    bound = llm.bind_tools(tools) if tools else llm
    agent = with_system | bound

    def keep_going(messages):
        return "more" if messages[-1].tool_calls else "stop"

    def act(messages):
        return [run_tool(c) for c in messages[-1].tool_calls]

    g = MessageGraph()
    g.add_node("agent", agent)
    g.add_node("act", act)
    g.set_entry_point("agent")
    g.add_conditional_edges("agent", keep_going, {"more": "act", "stop": END})
    g.add_edge("act", "agent")
    return g.compile()
`;

const SERVE_PY = `from langchain_openai import ChatOpenAI
from tools_agent import make_tools_agent

def pick_agent(kind, tools):
    if kind == "small":
        return make_tools_agent(ChatOpenAI(model="gpt-4o-mini"), tools, "Be brief.")
    return make_tools_agent(ChatOpenAI(model="gpt-4o"), tools, "Be thorough.")

class Assistant:
    def __init__(self, kind="small", tools=()):
        graph = pick_agent(kind, list(tools))
        self.runnable = graph.with_config({"recursion_limit": 40})
`;

/** The same graph shape whose nodes are only plain functions (a pipe of two of them): nothing sends, no loop. */
const NO_MODEL_PY = `from langgraph.graph import END
from langgraph.graph.message import MessageGraph

def tidy(messages):
    return [m for m in messages if m]

def number(messages):
    return list(enumerate(messages))

def loop_graph():
    step = tidy | number
    g = MessageGraph()
    g.add_node("tidy", step)
    g.add_node("count", number)
    g.set_entry_point("tidy")
    g.add_conditional_edges("tidy", lambda m: "again" if len(m) > 3 else "stop", {"again": "count", "stop": END})
    g.add_edge("count", "tidy")
    return g.compile()
`;

/** LangGraph.js: the options-object form of addConditionalEdges; the compiled graph a module constant run elsewhere. */
const GRAPH_TS = `import { StateGraph, END, START, MessagesAnnotation } from "@langchain/langgraph";
import { ChatOpenAI } from "@langchain/openai";

const model = new ChatOpenAI({ model: "gpt-4o-mini" });

async function callModel(state: typeof MessagesAnnotation.State) {
  const reply = await model.invoke(state.messages);
  return { messages: [reply] };
}

async function runTools(state: typeof MessagesAnnotation.State) {
  return { messages: [] };
}

const route = (state: typeof MessagesAnnotation.State) => (state.messages.length > 8 ? "finish" : "tools");

export const graph = new StateGraph(MessagesAnnotation)
  .addNode("model", callModel)
  .addNode("tools", runTools)
  .addEdge(START, "model")
  .addConditionalEdges({ source: "model", path: route, pathMap: { tools: "tools", finish: END } })
  .addEdge("tools", "model")
  .compile();
`;

const RUN_TS = `import { graph } from "./graph";

export async function answer(question: string) {
  const config = { recursionLimit: 12 };
  return graph.invoke({ messages: [{ role: "user", content: question }] }, config);
}
`;

/** A graph compiled into a field in the constructor, run by another method with a config that sets the limit. */
const FIELD_PY = `from langgraph.graph import StateGraph, END
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")

def think(state):
    return {"notes": state["notes"] + [llm.invoke(state["question"]).content]}

def check(state):
    return "again" if state["notes"][-1].endswith("?") else "stop"

class Researcher:
    def __init__(self):
        g = StateGraph(dict)
        g.add_node("think", think)
        g.set_entry_point("think")
        g.add_conditional_edges("think", check, {"again": "think", "stop": END})
        self.app = g.compile()

    def ask(self, question):
        settings = {"recursion_limit": 16, "configurable": {"thread_id": "1"}}
        return self.app.invoke({"question": question, "notes": []}, config=settings)
`;

/** A graph built by one function and handed to another that runs it with the limit. */
const BUILD_PY = `from langgraph.graph import StateGraph, END
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")

def draft(state):
    return {"text": llm.invoke(state["text"]).content}

def build():
    g = StateGraph(dict)
    g.add_node("draft", draft)
    g.set_entry_point("draft")
    g.add_conditional_edges("draft", lambda s: "draft" if "TODO" in s["text"] else END)
    return g.compile()
`;

const RUNNER_PY = `from build import build

def run_with(app, text):
    return app.invoke({"text": text}, {"recursion_limit": 10})

def main():
    return run_with(build(), "TODO: write")
`;

describe('loops: LangGraph cycles in every builder spelling, bounded where the graph is run', () => {
  let py: ScanResult;
  let ts: ScanResult;
  before(async () => {
    py = await scanTree({
      'agents.py': AGENTS_PY,
      'newsroom.py': LEGACY_GRAPH_PY,
      'once.py': LEGACY_PIPELINE_PY,
      'relations.py': NETWORKX_PY,
      'tools_agent.py': TOOLS_AGENT_PY,
      'serve.py': SERVE_PY,
      'tidy.py': NO_MODEL_PY,
      'researcher.py': FIELD_PY,
      'build.py': BUILD_PY,
      'runner.py': RUNNER_PY,
    });
    ts = await scanTree({ 'graph.ts': GRAPH_TS, 'run.ts': RUN_TS });
  });

  it("a legacy Graph with keyword conditional edges and a lambda router: the mapping's back edge closes a loop over the agents' requests", () => {
    const loops = file(py, 'newsroom.py').agentLoops;
    assert.deepEqual(loops.map((l) => [l.line, l.framework, l.bounded]), [[13, 'langgraph', true]]);
    assert.deepEqual(loops[0].stepSites?.map((s) => s.path).sort(), ['agents.py', 'agents.py'], 'the drafter and the reviewer requests are its steps');
    assert.equal(loops[0].stepsFrom, 'framework-default', "nothing sets a recursion_limit: LangGraph's default");
  });

  it('traps: the same spelling going only forward, and a networkx Graph with a cycle, are no loops', () => {
    assert.equal(py.files.find((f) => f.path === 'once.py')?.agentLoops.length ?? 0, 0);
    assert.equal(py.files.find((f) => f.path === 'relations.py')?.agentLoops.length ?? 0, 0);
  });

  it('a MessageGraph whose model node is a pipe into a typed model parameter is a loop, bounded by the recursion_limit a caller of its builder sets', () => {
    const loops = file(py, 'tools_agent.py').agentLoops;
    assert.equal(loops.length, 1);
    assert.equal(loops[0].rule, 'graph-cycle-runnable');
    // 40 super-steps: 20 passes of the model node and the tool node.
    assert.equal(loops[0].maxSteps, 20, 'with_config({"recursion_limit": 40}) on the value pick_agent returns, two hops up');
    assert.equal(loops[0].stepsFrom, 'code');
    assert.equal(loops[0].boundKind, 'recursion-limit');
    assert.equal(loops[0].boundAt?.path, 'serve.py', 'the limit is where it is set');
  });

  it('trap: a cycle whose nodes are only plain functions (a pipe of two of them) sends nothing', () => {
    assert.equal(py.files.find((f) => f.path === 'tidy.py')?.agentLoops.length ?? 0, 0);
  });

  it('the limit of a graph held in a field is the config another method runs it with; of a graph handed to a function, the one that function runs it with', () => {
    assert.deepEqual(file(py, 'researcher.py').agentLoops.map((l) => l.maxSteps), [8], 'recursion_limit 16 in the settings self.app.invoke gets: 8 passes');
    const built = file(py, 'build.py').agentLoops;
    assert.equal(built.length, 1, 'the lambda router returning the node itself closes the cycle');
    assert.equal(built[0].maxSteps, 5, 'run_with(build(), …) runs its app parameter with recursion_limit 10');
  });

  it('LangGraph.js: the options-object addConditionalEdges closes the cycle; the limit is the config another module runs the exported graph with', () => {
    const loops = file(ts, 'graph.ts').agentLoops;
    assert.equal(loops.length, 1);
    assert.equal(loops[0].framework, 'langgraph');
    assert.equal(loops[0].maxSteps, 6, 'graph.invoke(input, config) with config = { recursionLimit: 12 } in run.ts: 12 super-steps, 6 passes');
  });
});
