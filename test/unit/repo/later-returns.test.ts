/**
 * A text a helper builds (`context = f"…"`, `context += "…"`) reached through a second helper whose later return
 * calls it (`if cached: return cached` … `return build_context(…)`), spliced into the messages a module passes to
 * the repository's request wrapper: its pieces are prompts of the module that writes them; label-and-value lines appended on the way are not.
 */
import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

const CONTEXT = `"""The instrument context every agent reads in its prompt."""


def build_context(ticker, exchange=None, crypto=False):
    context = f"The instrument to analyze is {ticker}. Use this exact ticker in every report you write."
    details = []
    if exchange:
        details.append(f"Exchange: {exchange}")
    if details:
        context += f" Resolved identity: {'; '.join(details)}. Do not substitute a different company."
    if crypto:
        context += " Treat it as a crypto asset rather than a company."
    return context


def context_from_state(state):
    cached = state.get("context")
    if cached:
        return cached
    return build_context(state["ticker"])


def describe_run(state):
    return f"Run started for the ticker {state['ticker']} at the given date"


def label_from_state(state):
    label = state.get("label")
    if label:
        return label
    return describe_run(state)
`;

const LLM = `from openai import OpenAI

def ask(messages):
    client = OpenAI()
    return client.chat.completions.create(model="gpt-4o-mini", messages=messages)
`;

const AGENT = `from app.llm import ask
from app.context import context_from_state, label_from_state

def analyze(state):
    context = context_from_state(state)
    print(label_from_state(state))
    messages = [{"role": "user", "content": f"Write a short report on the market. {context}"}]
    return ask(messages)
`;

describe('texts a helper returns from a later return, spliced into a sent message', () => {
  it('the pieces of the built text are prompts; the label-and-value line and a text only printed are not', async () => {
    const r = await scanTree({ 'app/context.py': CONTEXT, 'app/agent.py': AGENT, 'app/llm.py': LLM });
    const context = r.files.find((f) => f.path === 'app/context.py');
    assert.deepEqual(context?.prompts.map((p) => p.line).sort((a, b) => a - b), [5, 10, 12]);
  });
});
