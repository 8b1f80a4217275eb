import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('messages of a repository’s own message class, given a role and a content by keyword', () => {
  const src = [
    'from app.messages import Message, MessageRole', //                                               1
    'from app.llm import provider', //                                                                  2
    '',
    'def run_tool(call, tools, history):', //                                                           4
    '    if call.name not in tools:', //                                                                 5
    '        history.append(Message(role=MessageRole.TOOL, content=f"Tool {call.name} is not available in this workspace.", tool_call_id=call.id))', // 6
    '        return', //                                                                                 7
    '    try:', //                                                                                       8
    '        result = tools[call.name](**call.arguments)', //                                             9
    '    except Exception as exc:', //                                                                  10
    '        history.append(Message(role=MessageRole.TOOL, content=f"Error: {exc}", tool_call_id=call.id))', // 11
    '        return', //                                                                                12
    '    history.append(Message(role=MessageRole.TOOL, content=str(result), tool_call_id=call.id))', //   13
    '    history.append(Message(role="system", content=f"Skill {call.name} is active: follow its instructions until the task is done."))', // 14
    '    history.append(Message(role="assistant", content=f"Error calling the model: {call.name}"))', // 15
    '    return provider.call_model(history)', //                                                        16
  ].join('\n');

  it('a tool result the code writes and a system message are prompts, by role', async () => {
    const f = await detectFile(src, 'executor.py');
    const at = (line: number) => f.prompts.find((p) => p.line === line);
    assert.equal(at(6)?.kind, 'other');
    assert.equal(at(14)?.kind, 'system');
  });

  it('traps: data passed back, a label around a spliced error, and an assistant message the code synthesizes are not', async () => {
    const lines = (await detectFile(src, 'executor.py')).prompts.map((p) => p.line);
    for (const line of [11, 13, 15]) assert.ok(!lines.includes(line), `line ${line} (have ${lines})`);
  });
});
