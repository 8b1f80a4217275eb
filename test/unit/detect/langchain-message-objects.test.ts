import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

// A graph node and a client component of a LangGraph.js app: both write messages into the thread's history.
const NODE = `import { v4 as uuid } from "uuid";
import { AIMessage } from "@langchain/langgraph-sdk";

export const DONE_CONTENT =
  "All the steps of the plan are finished. Tell me if you need anything else!";

export async function finish(state: State): Promise<Update> {
  const content = state.revised
    ? \`I have revised the outline after your last comment.\`
    : \`I have drafted an outline for the whole report.\`;
  const first: AIMessage = { type: "ai", id: uuid(), content };
  const last: AIMessage = { type: "ai", id: uuid(), content: DONE_CONTENT };
  const echoed = { type: "ai", content: state.answer };
  const note = { type: "info", content: "Saved the outline to the store for later." };
  return { messages: [first, last, echoed], notes: [note] };
}
`;

const CLIENT = `import { useStreamContext } from "@langchain/langgraph-sdk/react-ui";

export function Purchase({ toolCallId, ticker, n }: Props) {
  const thread = useStreamContext();
  function buy() {
    const receipt = {
      message: "The purchase went through at the quoted price",
      details: { ticker, n },
    };
    thread.submit({}, {
      command: {
        update: {
          messages: [
            { type: "tool", tool_call_id: toolCallId, name: "buy", content: JSON.stringify(receipt) },
            { type: "human", content: \`Bought \${n} shares of \${ticker} for my account\` },
          ],
        },
        goto: "respond",
      },
    });
  }
  return null;
}
`;

// The same shapes in a chat UI that does not use LangChain: its own bubbles, nothing says a model reads them.
const PLAIN_UI = `import { useState } from "react";

export function Chat() {
  const [messages] = useState([{ type: "ai", content: "Hello! Ask me anything about your travel plans." }]);
  return messages.length;
}
`;

describe('LangChain message objects keyed by type (prompt-places.ts)', () => {
  it('the content of {type: "ai"} messages a node writes into the history: each branch, a constant, not a copied answer', async () => {
    const f = await detectFile(NODE, 'finish.ts');
    assert.deepEqual(f.prompts.map((p) => p.line).sort((a, b) => a - b), [5, 8]);
  });

  it('{type: "human"} messages and the written fields of a serialised tool result a client submits to a thread', async () => {
    const f = await detectFile(CLIENT, 'purchase.tsx');
    assert.deepEqual(f.prompts.map((p) => p.line).sort((a, b) => a - b), [7, 15]);
  });

  it('a chat UI without LangChain keeps its own {type: "ai"} bubbles to itself', async () => {
    const f = await detectFile(PLAIN_UI, 'chat.tsx');
    assert.deepEqual(f.prompts, []);
  });
});
