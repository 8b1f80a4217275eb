import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('a local set once per outcome and sent as the tool message: every text it is given', () => {
  const src = [
    'import json', //                                                                                          1
    'from openai import OpenAI', //                                                                            2
    '', //                                                                                                     3
    'def run_calls(calls, registry, context):', //                                                           4
    '    for call in calls:', //                                                                               5
    '        if call.name not in registry:', //                                                               6
    '            response = f"Function {call.name} is not registered; pick one from the list."', //          7
    '        else:', //                                                                                        8
    '            try:', //                                                                                     9
    '                response = f"Function {call.name} ran and returned: {registry[call.name]()}"', //       10
    '            except Exception as e:', //                                                                 11
    '                response = f"Error executing function {call.name}: {e}"', //                            12
    '        context.append({"role": "tool", "tool_call_id": call.id, "content": response})', //           13
    '', //                                                                                                    14
    'def log_calls(calls, log):', //                                                                         15
    '    for call in calls:', //                                                                              16
    '        note = f"Function {call.name} was called by the planner today."', //                           17
    '        log.append({"level": "info", "content": note})', //                                            18
    '', //                                                                                                    19
    'def report(calls, history, Message, MessageRole):', //                                                  20
    '    for call in calls:', //                                                                              21
    '        if call.blocked:', //                                                                            22
    '            error_msg = f"Tool {call.name} is blocked by the active policy."', //                       23
    '        elif call.missing:', //                                                                          24
    '            error_msg = f"Tool {call.name} configuration was not found anywhere."', //                 25
    '        history.append(Message(role=MessageRole.TOOL, content=f"Error: {error_msg}"))', //            26
  ].join('\n');

  it('each assignment of the local a tool-role dict sends is a tool result (not only its first)', async () => {
    const lines = (await detectFile(src, 'loop.py')).prompts.map((p) => p.line);
    for (const line of [7, 10, 12]) assert.ok(lines.includes(line), `line ${line} (have ${lines})`);
  });

  it('each assignment of a local spliced into a tool message built by a message class', async () => {
    const lines = (await detectFile(src, 'loop.py')).prompts.map((p) => p.line);
    for (const line of [23, 25]) assert.ok(lines.includes(line), `line ${line} (have ${lines})`);
  });

  it('a local sent in a log record, not a tool message, is no prompt (trap)', async () => {
    const lines = (await detectFile(src, 'loop.py')).prompts.map((p) => p.line);
    assert.ok(!lines.includes(17), `line 17 (have ${lines})`);
  });
});
