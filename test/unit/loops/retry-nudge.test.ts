/**
 * A retry of one request with a fixed nudge (detect/retry-nudge.ts, repo/until-parsed.ts): the loop counts its
 * attempts, leaves when the answer is good and otherwise appends a constant sentence and asks again. Not an agent
 * loop. Kept: the same loop feeding the answer (or the error found in it) back, and a tool loop that runs the calls.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const DRAFT = `from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o")


async def draft(messages, tools):
    model = llm.bind_tools(tools)
    attempts = 0
    while attempts < 4:
        response = await model.ainvoke(messages)
        if len(response.tool_calls) != 1:
            attempts += 1
            messages = messages + [{"role": "user", "content": "Call exactly one tool."}]
        else:
            break
    return response


async def refine(messages, tools):
    model = llm.bind_tools(tools)
    for _ in range(4):
        response = await model.ainvoke(messages)
        if len(response.tool_calls) == 1:
            return response
        problem = f"You called {len(response.tool_calls)} tools: {response.tool_calls}"
        messages.append({"role": "user", "content": problem})
    return None


async def act(messages, tools, run_tool):
    model = llm.bind_tools(tools)
    for _ in range(6):
        response = await model.ainvoke(messages)
        if not response.tool_calls:
            return response
        messages.append(response)
        for call in response.tool_calls:
            messages.append({"role": "tool", "content": run_tool(call), "tool_call_id": call["id"]})
`;

const HELPER = `from openai import OpenAI

client = OpenAI()


def ask(messages):
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)
`;

const PICK = `from app.llm import ask


def pick(messages):
    for _ in range(3):
        answer = ask(messages)
        if answer.choices[0].message.content.strip() in ("yes", "no"):
            return answer
        messages.append({"role": "user", "content": "Answer yes or no."})
    return None
`;

const EXPERIMENT = `from app.llm import ask


def experiment(prompt, run_experiment):
    runs = 0
    while runs < 5:
        answer = ask(prompt)
        if "ALL_COMPLETED" in answer.choices[0].message.content:
            break
        prompt = run_experiment(runs)
        runs += 1
`;

describe('loops: a request retried with a fixed nudge is not an agent loop', () => {
  it('the nudged retry is dropped; the same loop sending the answer back, or running its tool calls, stays', async () => {
    const r = await scanTree({ 'app/draft.py': DRAFT });
    const loops = file(r, 'app/draft.py').agentLoops.map((l) => l.line);
    assert.ok(!loops.includes(9), 'while attempts < 4 asking again with a constant nudge: a retry');
    assert.ok(loops.includes(21), 'the error found in the answer goes back: a requery loop');
    assert.ok(loops.includes(32), 'the tool calls are run and sent back: an agent loop');
  });

  it('the same retry through a helper in another module (the repository pass) is dropped too', async () => {
    const r = await scanTree({ 'app/llm.py': HELPER, 'app/pick.py': PICK });
    assert.equal(r.files.find((f) => f.path === 'app/pick.py')?.agentLoops.length ?? 0, 0);
  });

  it('look-alike: a next prompt made by running the work (not a fixed nudge) keeps the loop', async () => {
    const r = await scanTree({ 'app/llm.py': HELPER, 'app/experiment.py': EXPERIMENT });
    assert.deepEqual(file(r, 'app/experiment.py').agentLoops.map((l) => l.line), [6]);
  });
});
