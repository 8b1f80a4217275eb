import * as assert from 'node:assert/strict';
import { oneRequest, scanTree } from './fixture-scan';

const ROUTE = `import Anthropic from "@anthropic-ai/sdk";
const anthropic = new Anthropic();
export async function POST(req: Request) {
  const { messages, model } = await req.json();
  const response = await anthropic.messages.create({ model, max_tokens: 1024, messages });
  return Response.json(response);
}
`;

function page(state: string, sent = 'selectedModel'): string {
  return `"use client";
import { useState } from "react";
const models = [
  { id: "claude-3-haiku-20240307", name: "Claude 3 Haiku" },
  { id: "claude-3-5-sonnet-20240620", name: "Claude 3.5 Sonnet" },
];
export default function Chat() {
  const [input, setInput] = useState("");
  ${state}
  const send = async () => {
    const requestBody = { messages: [{ role: "user", content: input }], model: ${sent} };
    const response = await fetch("/api/finance", { method: "POST", body: JSON.stringify(requestBody) });
    return response.json();
  };
  return models.map((m) => m.name).join(send.name);
}
`;
}

describe('repository model: the model a page sends to its route from UI state', () => {
  it('the state’s initial value is what the route runs on, not the first entry of the menu', async () => {
    const r = await scanTree({
      'app/api/finance/route.ts': ROUTE,
      'app/finance/page.tsx': page('const [selectedModel, setSelectedModel] = useState(\n    "claude-3-5-sonnet-20240620",\n  );'),
    });
    const call = oneRequest(r, 'app/api/finance/route.ts');
    assert.equal(call.modelResolved, 'claude-3-5-sonnet', JSON.stringify(call.modelSource));
    assert.deepEqual(call.modelSource?.at, { path: 'app/finance/page.tsx', line: 10 });
    assert.match(call.modelSource?.detail ?? '', /\/api\/finance/);
  });

  it('each app’s page answers its own route: two pages, two routes, two defaults', async () => {
    const other = page('const [selectedModel, setSelectedModel] = useState("claude-3-haiku-20240307");').replace('/api/finance', '/api/chat');
    const r = await scanTree({
      'app/api/finance/route.ts': ROUTE,
      'app/finance/page.tsx': page('const [selectedModel, setSelectedModel] = useState("claude-3-5-sonnet-20240620");'),
      'app/api/chat/route.ts': ROUTE,
      'components/ChatArea.tsx': other,
    });
    assert.equal(oneRequest(r, 'app/api/finance/route.ts').modelResolved, 'claude-3-5-sonnet');
    assert.equal(oneRequest(r, 'app/api/chat/route.ts').modelResolved, 'claude-3-haiku');
  });

  it('traps: a state that holds no model id, or one declared twice with different values, chooses nothing from the state', async () => {
    const states = [
      ['const [selectedModel, setSelectedModel] = useState("dark");', 'selectedModel'],
      ['const [theme, setTheme] = useState("claude-3-5-sonnet-20240620");\n  const [selectedModel, setSelectedModel] = useState(theme === "x" ? "a" : "b");', 'selectedModel'],
    ];
    for (const [state, sent] of states) {
      const r = await scanTree({ 'app/api/finance/route.ts': ROUTE, 'app/finance/page.tsx': page(state, sent) });
      const call = oneRequest(r, 'app/api/finance/route.ts');
      assert.notEqual(call.modelSource?.from, 'code', `${state}: ${JSON.stringify(call.modelSource)}`);
    }
    const twice = page('const [selectedModel, setSelectedModel] = useState("claude-3-5-sonnet-20240620");') + `
export function Other() {
  const [selectedModel, setSelectedModel] = useState("claude-3-opus-20240229");
  return selectedModel;
}
`;
    const r = await scanTree({ 'app/api/finance/route.ts': ROUTE, 'app/finance/page.tsx': twice });
    assert.notEqual(oneRequest(r, 'app/api/finance/route.ts').modelSource?.from, 'code');
  });
});
