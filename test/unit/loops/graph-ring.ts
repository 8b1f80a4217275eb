/**
 * A LangGraph ring research → extract → reflect → back, its counter `steps` written by the nodes named in `writers`
 * and compared by its router (`bound`): the shape of langchain-ai/company-researcher, for the per-pass tests.
 */
export const ring = (writers: readonly string[], bound = 'if state["steps"] >= 2:\n        return END\n    '): string => `from langgraph.graph import END, START, StateGraph
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o")


def research(state):
    notes = llm.invoke(f"Research the company {state['company']} and list its products in detail.").content
    return {"notes": notes${writers.includes('research') ? ', "steps": state["steps"] + 1' : ''}}


def extract(state):
    info = llm.invoke(f"Extract the founders and the funding from these notes: {state['notes']}").content
    return {"info": info${writers.includes('extract') ? ', "steps": state["steps"] + 1' : ''}}


def reflect(state):
    verdict = llm.invoke(f"Is this information complete? Answer yes or no: {state['info']}").content
    return {"done": verdict == "yes"${writers.includes('reflect') ? ', "steps": state["steps"] + 1' : ''}}


def route(state):
    ${bound}if state["done"]:
        return END
    return "research"


builder = StateGraph(dict)
builder.add_node("research", research)
builder.add_node("extract", extract)
builder.add_node("reflect", reflect)
builder.add_edge(START, "research")
builder.add_edge("research", "extract")
builder.add_edge("extract", "reflect")
builder.add_conditional_edges("reflect", route)
graph = builder.compile()
`;
