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

describe('messages of a repository’s own role-first message builder (role first, text second)', () => {
  const src = [
    'from app.message import Message, format_chat_message', //                                               1
    '', //                                                                                                      2
    'def prompt_about(config, tool_format: str = "markdown"):', //                                           3
    '    about = config.get("about_user")', //                                                                4
    '    yield Message("system", f"# About the user\\n\\n{about}")', //                                      5
    '', //                                                                                                      6
    'def describe(image_path):', //                                                                          7
    '    return [', //                                                                                          8
    '        format_chat_message(role="system", message="Your task is to describe the image in one line."),', // 9
    '        format_chat_message("user", image_path),', //                                                    10
    '    ]', //                                                                                                11
    '', //                                                                                                     12
    'def pick(prompt: str = "full"):', //                                                                    13
    '    return Message("system", prompt)', //                                                               14
    '', //                                                                                                     15
    'def save(cfg):', //                                                                                     16
    '    cfg.set_value("user", "Nobody in particular, just a placeholder name")', //                        17
    '    show("user", "This line is printed for the person at the terminal")', //                          18
  ].join('\n');

  it('the text after a positional role, or under message=, is a prompt by role', async () => {
    const f = await detectFile(src, 'prompts.py');
    const at = (line: number) => f.prompts.find((p) => p.line === line);
    assert.equal(at(5)?.kind, 'system');
    assert.equal(at(9)?.kind, 'system');
  });

  it('traps: a one-word default reaching the builder, and role-first calls of functions not named as message builders', async () => {
    const lines = (await detectFile(src, 'prompts.py')).prompts.map((p) => p.line);
    for (const line of [3, 13, 17, 18]) assert.ok(!lines.includes(line), `line ${line} (have ${lines})`);
  });
});
