# Fixture for the end-to-end suite: an Anthropic call with a system prompt, in a bounded loop.
import anthropic

client = anthropic.Anthropic()

RESEARCH_PROMPT = """You are a careful research assistant. Read the sources the user gives you,
summarise each in three sentences, and list the claims that two or more sources agree on."""


def research(question: str) -> str:
    messages = [{"role": "user", "content": question}]
    for step in range(8):
        response = client.messages.create(
            model="claude-sonnet-4-5",
            max_tokens=1024,
            system=RESEARCH_PROMPT,
            messages=messages,
        )
        messages.append({"role": "assistant", "content": response.content})
        if response.stop_reason == "end_turn":
            return response.content[0].text
    return ""
