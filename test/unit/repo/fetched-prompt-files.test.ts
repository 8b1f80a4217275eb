import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

// Prompt files a web app fetches from its static folder (fetched-prompt-files.ts).

const LIBRARY = JSON.stringify({ en: [["Act as a travel guide", "I want you to act as a travel guide. I will write you my location and you will suggest a place to visit near it."], ["Act as a poet", "I want you to act as a poet. You will create poems that evoke emotions."]] }, null, 2);

const STORE = `export function loadPrompts(set: (p: unknown) => void) {
  if (typeof window === "undefined") return;
  const PROMPT_URL = "./prompts.json";
  fetch(PROMPT_URL)
    .then((res) => res.json())
    .then((res) => set(res.en));
}

export async function plugins() {
  return (await fetch("./plugins.json")).json();
}

export async function saved() {
  const a = await fetch("/prompts");
  const b = await fetch("/prompts/why");
  const c = await fetch("/prompts/missing.json");
  return [a, b, c];
}
`;

describe('prompt files fetched from the static folder', () => {
  it('a prompt library fetched by a relative URL held in a constant is a loaded prompt file', async () => {
    const r = await scanTree({ 'app/store/prompt.ts': STORE, 'public/prompts.json': LIBRARY, 'public/plugins.json': '[{"name": "search tool", "schema": "x"}]' });
    const f = r.files.find((x) => x.path === 'public/prompts.json');
    assert.ok(f?.prompts.length, `have ${r.files.map((x) => x.path).join(', ')}`);
    assert.match(f!.prompts[0].preview ?? '', /travel guide/);
  });

  it('a data file with no prompt name, an API route and a file that does not exist are not prompt files (traps)', async () => {
    const r = await scanTree({ 'app/store/prompt.ts': STORE, 'public/plugins.json': '[{"name": "search tool", "description": "Search the web for a query and return links"}]', 'web/prompts.md': 'Not under a static folder.' });
    assert.deepEqual(r.files.filter((x) => /plugins|prompts\.md|missing/.test(x.path) && x.prompts.length).map((x) => x.path), []);
  });
});
