import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

const request = (r: Awaited<ReturnType<typeof scan>>, path: string) => {
  const calls = file(r, path).calls.filter((c) => c.role !== 'binding');
  assert.equal(calls.length, 1);
  return calls[0];
};

describe('a UI settings object sent whole in the request body (ui-defaults holder, vendor fit, client hosts)', () => {
  it('chatSettings.model read by the route is the model of the UI state object named chatSettings', async () => {
    const r = await scan('ui-settings-object');
    const openai = request(r, 'app/api/chat/openai/route.ts');
    assert.equal(openai.model, 'gpt-4o-mini');
    assert.equal(openai.modelSource?.from, 'ui-default');
    assert.deepEqual(openai.modelSource?.at, { path: 'components/state.tsx', line: 7 });
  });

  it('traps: another vendor’s route (Anthropic SDK, OpenAI SDK on Groq’s base URL) is not priced on the UI’s OpenAI default', async () => {
    const r = await scan('ui-settings-object');
    const anthropic = request(r, 'app/api/chat/anthropic/route.ts');
    assert.notEqual(anthropic.model, 'gpt-4o-mini');
    assert.equal(anthropic.modelSource?.from, 'vendor-default');
    const groq = request(r, 'app/api/chat/groq/route.ts');
    assert.notEqual(groq.model, 'gpt-4o-mini');
    assert.notEqual(groq.modelSource?.from, 'ui-default');
  });
});
