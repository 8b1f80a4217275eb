import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';
import type { ScanResult } from '../../../src/node/scan';

const CLIENT = `
from openai import AsyncOpenAI, OpenAI

client = OpenAI()
aclient = AsyncOpenAI()

async def fix(code, failure):
    reply = await aclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": code + failure}])
    return reply.choices[0].message.content

def summarize(doc):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": doc}])
    return reply.choices[0].message.content
`;

/** Loops over data: one refining the same code test after test (an agent loop), one mapping a request over documents. */
const STAGES = `
from app.client import fix, summarize

async def run_checks(code, cases):
    for case in cases:
        failure = check(code, case)
        if failure:
            code = await fix(code, failure)
    return code

def summarize_all(docs):
    out = []
    for doc in docs:
        out.append(summarize(doc))
    return out

def check(code, case):
    return "" if case in code else "failed " + case
`;

describe('carried-items: a loop over data whose request is handed what the last pass made', () => {
  let r: ScanResult;
  before(async function () {
    this.timeout(60_000);
    r = await scanTree({ 'app/__init__.py': '', 'app/client.py': CLIENT, 'app/stages.py': STAGES });
  });
  const loops = () => (r.files.find((f) => f.path === 'app/stages.py')?.agentLoops ?? []).map((l) => ({ line: l.line, bounded: l.bounded }));

  it('a for over test cases that feeds the fixed code back into the next fix is an agent loop, bounded by its list', () => {
    const loop = loops().find((l) => l.line === 5);
    assert.ok(loop, `refining loop found (have ${JSON.stringify(loops())})`);
    assert.equal(loop.bounded, true);
  });

  it('look-alike: a for mapping a request over documents is no agent loop', () => {
    assert.ok(!loops().some((l) => l.line === 13), `map loop not reported (have ${JSON.stringify(loops())})`);
  });
});
