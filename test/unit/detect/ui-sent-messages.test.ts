import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

// Messages a chat UI sends on a click (mapped-record-fields.ts, the file hint for useChat / append) and the error
// sentence an AI SDK tool's execute returns (tool-results.ts).

const SUGGESTED = `"use client";
import { useChat } from "ai/react";

const suggestedActions = [
  { title: "Help me book a flight", label: "from San Francisco to London", action: "Help me book a flight from San Francisco to London" },
  { title: "What is the status", label: "of flight BA142 flying tmrw?", action: "What is the status of flight BA142 flying tmrw?" },
];

export function Suggestions({ append, toast }: any) {
  return suggestedActions.map((suggestedAction) => (
    <button onClick={() => append({ role: "user", content: suggestedAction.action })}>
      <span onMouseEnter={() => toast({ title: "Suggestion", description: suggestedAction.label })}>{suggestedAction.title}</span>
    </button>
  ));
}
`;

const SEATS = `"use client";
import { useChat } from "ai/react";

export function Seats({ chatId, seats }: any) {
  const { append } = useChat({ id: chatId, maxSteps: 5 });
  return seats.map((seat: any) => (
    <div onClick={() => append({ role: "user", content: \`I'd like to go with seat \${seat.seatNumber}\` })} />
  ));
}
`;

// A list fetched at run time: its records are data, not written texts.
const FETCHED = `"use client";
import { useChat } from "ai/react";

export function Recent({ append, recent }: any) {
  const items = recent.filter(Boolean);
  return items.map((item: any) => <button onClick={() => append({ role: "user", content: item.text })} />);
}
`;

const TOOL = `import { streamText, tool } from "ai";
import { z } from "zod";

export function run(messages: any[], session: any) {
  return streamText({
    model: undefined as any,
    messages,
    tools: {
      createReservation: tool({
        description: "Display pending reservation details",
        parameters: z.object({ seats: z.string() }),
        execute: async (props) => {
          if (!session) return { error: "User is not signed in to perform this action!" };
          if (!props.seats) return { error: "Something went wrong." };
          return { id: 1, ...props };
        },
      }),
    },
  });
}
`;

const SEND_V5 = `"use client";
import { useChat } from "@ai-sdk/react";

const starters = [{ title: "Personalize", ask: "Personalize my experience using what you know about me" }];

export function Panel({ initialInput }: any) {
  const { sendMessage } = useChat();
  if (initialInput === "__PERSONALIZE__") sendMessage({ text: "Personalize my experience for a returning visitor" });
  return starters.map((s) => <button onClick={() => sendMessage({ text: s.ask })}>{s.title}</button>);
}
`;

// A chat SDK of another kind: its sendMessage({ text }) posts to people, not to a model.
const OTHER_CHAT = `import { StreamChat } from "stream-chat";

export async function missed(channel: any, messages: string[]) {
  await channel.sendMessage({ text: "Missed call, please call me back when you can" });
}
`;

describe('messages a chat UI sends, and error sentences a tool returns', () => {
  it('each suggested action a mapped list sends as the user message (not the fields shown or toasted)', async () => {
    const f = await detectFile(SUGGESTED, 'components/suggestions.tsx');
    assert.deepEqual(f.prompts.map((p) => [p.line, p.kind]), [[5, 'user-template'], [6, 'user-template']]);
  });

  it('a component that only calls useChat is read: its appended message is a prompt', async () => {
    const f = await detectFile(SEATS, 'components/seats.tsx');
    assert.deepEqual(f.prompts.map((p) => p.line), [7]);
  });

  it('a field of records fetched at run time gives no prompt', async () => {
    const f = await detectFile(FETCHED, 'components/recent.tsx');
    assert.deepEqual(f.prompts, []);
  });

  it('a fixed error sentence of five words or more returned by execute; a short status label is not', async () => {
    const f = await detectFile(TOOL, 'app/api/chat/route.ts');
    const others = f.prompts.filter((p) => p.kind === 'other').map((p) => p.line);
    assert.deepEqual(others, [13]);
  });

  it('AI SDK 5 sendMessage({ text }): a written text and a mapped record field', async () => {
    const f = await detectFile(SEND_V5, 'components/panel.tsx');
    assert.deepEqual(f.prompts.map((p) => p.line).sort((a, b) => a - b), [4, 8]);
  });

  it('sendMessage({ text }) of another chat SDK is no prompt', async () => {
    const f = await detectFile(OTHER_CHAT, 'lib/calls.ts');
    assert.deepEqual(f.prompts, []);
  });
});
