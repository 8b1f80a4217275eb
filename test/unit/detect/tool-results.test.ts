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
`,
      'pricing.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => p.line),
      [7, 8],
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
`,
      'executor.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [[4, 'other']],
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
});
