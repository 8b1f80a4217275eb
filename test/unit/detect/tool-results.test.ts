import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('detect: tool results the code writes, slot values, addresses spliced into prompts', () => {
  it('Python: templates a @tool function returns are tool results; fixed statuses, short error labels, data and other functions are not', async () => {
    const f = await detectFile(
      `import json
from langchain_core.tools import tool

@tool
async def fetch_pricing(plan: str) -> str:
    """Fetch the current price list of the hosted plans."""
    if not plan:
        return "No plan given."
    try:
        text = await download(plan)
    except TimeoutError:
        return f"Error: the pricing page timed out. Direct the user to {URL} for current pricing."
    except Exception as e:
        return f"Error fetching page: {e}"
    if len(text) > 10:
        return json.dumps({"plan": plan, "text": text})
    return text


def helper(name):
    return f"Hello {name}, welcome back to the dashboard of the app"
`,
      'tools.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [
        [6, 'tool-description'],
        [12, 'other'],
      ],
    );
  });

  it('a web address spliced into a tool result is not a prompt of its own', async () => {
    const f = await detectFile(
      `from langchain_core.tools import tool

PRICING_URL = "https://example.com/pricing/plans"

@tool
def pricing() -> str:
    """Tell the user where the prices are."""
    return f"Error: could not fetch the page. Direct the user to {PRICING_URL} for current pricing."

@tool
def article(slug: str, title: str) -> str:
    """Read one article of the knowledge base."""
    url = f"https://example.com/articles/{slug}"
    return f"Title: {title}\\nURL: {url}\\nContent:\\n{load(slug)}"
`,
      'pricing.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => p.line),
      [7, 8, 12, 14],
      'the labelled article template (14) is the tool result, not the address it splices (13)',
    );
  });

  it("a repository's message class with a tool role: a short template framing values is a tool result; a label around one value is not", async () => {
    const f = await detectFile(
      `from app.messages import Message, MessageRole

def results(tool_name, exc, data):
    out = [Message(role=MessageRole.TOOL, content=f"Tool {tool_name} error: {exc}")]
    out.append(Message(role=MessageRole.TOOL, content=f"Error: {exc}"))
    out.append(Message(role=MessageRole.TOOL, content=data))
    return out


def refused(tool_name, skill):
    error_msg = f"Tool '{tool_name}' is not allowed by the active skill {skill}."
    log(error_msg)
    return Message(role=MessageRole.TOOL, content=f"Error: {error_msg}")
`,
      'executor.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [
        [4, 'other'],
        [11, 'other'],
      ],
      'the label around the spliced message (13) is not reported; the message written into the local is',
    );
  });

  it('TypeScript: a single word put into a slot with replaceAll is a value, not a prompt; the template is', async () => {
    const f = await detectFile(
      `import OpenAI from "openai";
const client = new OpenAI();
const USER_PROMPT = \`Please write {NUM} new {POST_OR_POSTS} for my page, following the plan closely.\`;
export async function write(num: number) {
  const postOrPosts = num === 1 ? "post" : "posts";
  const content = USER_PROMPT.replaceAll("{NUM}", String(num)).replaceAll("{POST_OR_POSTS}", postOrPosts);
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content }] });
}
`,
      'posts.ts',
    );
    assert.deepEqual(
      f.prompts.map((p) => p.line),
      [3],
    );
  });

  it('a template of an instruction written elsewhere and a short label before the value is reported at the instruction; one with words of its own is a prompt', async () => {
    const f = await detectFile(
      `from openai import OpenAI

client = OpenAI()

def classify(content):
    instruction = (
        "Classify this user query for the documentation assistant. "
        "Return the decision and one sentence explaining why."
    )
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{instruction}\\n\\nUser query: {content}"}])
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{instruction}\\n\\nThen rewrite the query in one line: {content}"}])
`,
      'classify.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => p.line),
      [7, 11],
      'the instruction (7) and the template with its own sentence (11); not the labelled join (10)',
    );
  });
});
