import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

/** A tool-result item built first and given its text by outcome (anthropic-quickstarts `agents/utils/tool_util.py`). */
const UTIL = `async def execute_single_tool(call, tool_dict):
    response = {"type": "tool_result", "tool_use_id": call.id}
    try:
        result = await tool_dict[call.name].execute(**call.input)
        response["content"] = str(result)
    except KeyError:
        response["content"] = f"Tool '{call.name}' not found"
        response["is_error"] = True
    except Exception as e:
        response["content"] = f"Error executing tool: {str(e)}"
    return response


def openai_tool_message(call, tool_dict):
    message = {"role": "tool", "tool_call_id": call.id}
    message["content"] = "The tool is not available in this session"
    return message


def http_reply(call, tool_dict):
    response = {"type": "event", "id": call.id}
    response["content"] = "The request was accepted by the server"
    event = {"type": "tool_result"}
    event["content"] = "This event only updates the page for the user"
    return response, event
`;

describe('texts set on a tool-result item after it is built (py-tool-result-assignments.ts)', () => {
  it('the texts given to the item content by outcome are tool results', async () => {
    const r = await scanTree({ 'utils/tool_util.py': UTIL });
    const lines = r.files.find((f) => f.path === 'utils/tool_util.py')?.prompts.map((p) => p.line) ?? [];
    for (const [line, what] of [
      [7, 'the not-found text of a tool_result item'],
      [10, 'the error template of a tool_result item'],
      [16, 'the text of an OpenAI tool message'],
    ] as const) assert.ok(lines.includes(line), `${what} (line ${line}; got ${lines.join(', ')})`);
  });

  it('another dict and a tool_result without its call id are not (traps)', async () => {
    const r = await scanTree({ 'utils/tool_util.py': UTIL });
    const lines = r.files.find((f) => f.path === 'utils/tool_util.py')?.prompts.map((p) => p.line) ?? [];
    for (const [line, what] of [
      [5, 'the data the tool returned'],
      [22, 'an HTTP event dict'],
      [24, 'a tool_result without tool_use_id (a UI event)'],
    ] as const) assert.ok(!lines.includes(line), `${what} (line ${line}; got ${lines.join(', ')})`);
  });
});
