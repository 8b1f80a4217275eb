import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const NODE = `from langchain_openai import ChatOpenAI


async def review(state, user):
    call = state["messages"][-1].tool_calls[0]
    msg = {
        "type": "tool",
        "name": call["name"],
        "content": f"Error, {user} interrupted and gave this feedback: {state['answer']}",
        "tool_call_id": call["id"],
    }
    event = {"type": "tool", "text": f"running the tool the user picked: {call['name']}"}
    choice = {"type": "tool", "name": "extract_fields"}
    return {"messages": [msg], "events": [event], "choice": choice}
`;

describe('LangChain tool messages written as dicts keyed by type (prompt-places.ts)', () => {
  it('the written content of a {"type": "tool", "tool_call_id": …} message is sent back to the model', async () => {
    const f = await detectFile(NODE, 'node.py');
    assert.deepEqual(f.prompts.map((p) => p.line), [9]);
  });
});
