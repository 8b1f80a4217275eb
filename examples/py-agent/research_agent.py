"""A research assistant: a hand-written Anthropic tool loop and a CrewAI crew."""
import anthropic
from crewai import Agent, Crew, Task
from textwrap import dedent

client = anthropic.Anthropic()
MODEL = "claude-sonnet-4-5"
MAX_STEPS = 6

SYSTEM = dedent("""
    You are a research assistant. Use the search tool to find primary sources,
    then answer with a short summary and numbered citations.
    If the sources disagree, say so.
""")

TOOLS = [
    {
        "name": "search",
        "description": "Search the web and return the top five results as title, URL and snippet.",
        "input_schema": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]},
    }
]


def research(question: str) -> str:
    messages = [{"role": "user", "content": f"Question: {question}"}]
    for _ in range(MAX_STEPS):
        response = client.messages.create(
            model=MODEL,
            max_tokens=1024,
            system=SYSTEM,
            tools=TOOLS,
            messages=messages,
        )
        if response.stop_reason != "tool_use":
            return response.content[0].text
        messages.append({"role": "assistant", "content": response.content})
        messages.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": b.id, "content": "…"} for b in response.content if b.type == "tool_use"]})
    return "No answer within the step budget."


analyst = Agent(
    role="Market Analyst",
    goal="Estimate the market size of {product} from public data",
    backstory="You have sized markets for a decade and you distrust round numbers.",
    llm="gpt-4.1-mini",
    max_iter=10,
)

sizing = Task(
    description="Estimate the total addressable market of {product} in Europe, with your assumptions.",
    expected_output="A table of the estimate, its assumptions and their sources.",
    agent=analyst,
)

crew = Crew(agents=[analyst], tasks=[sizing])
