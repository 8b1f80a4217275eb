import * as assert from 'node:assert/strict';
import { formatModelSource } from '../../../src/core/format/provenance';
import { sdkCannotSend } from '../../../src/core/repo/vendor';
import { oneRequest as request, scanTree } from './fixture-scan';

// A helper of the repository returns an OpenAI model; three SDKs' requests take their model from it.
const HELPER = `def pick_model():\n    return "gpt-4o-mini"\n`;

describe("a model the flow reaches that the call's SDK cannot send (sdkCannotSend)", () => {
  it("a Google genai request is not priced on an OpenAI model: it falls back to Google's default and says why", async () => {
    const r = await scanTree({
      'app/models.py': HELPER,
      'app/ask.py': `from google import genai\nfrom app.models import pick_model\n\nclient = genai.Client()\n\ndef ask(prompt):\n    return client.models.generate_content(model=pick_model(), contents=prompt)\n`,
    });
    const c = request(r, 'app/ask.py');
    assert.notEqual(c.modelResolved, 'gpt-4o-mini');
    assert.match(c.modelResolved ?? '', /^gemini-/);
    const text = formatModelSource(c.modelSource!, 'app/ask.py');
    assert.match(text, /the flow reached gpt-4o-mini \(app\/models\.py:2\), which a google SDK call cannot send/);
  });

  it('an Anthropic request likewise, and an OpenAI request keeps the model the flow reached', async () => {
    const r = await scanTree({
      'app/models.py': HELPER,
      'app/claude.py': `import anthropic\nfrom app.models import pick_model\n\nclient = anthropic.Anthropic()\n\ndef ask(prompt):\n    return client.messages.create(model=pick_model(), max_tokens=100, messages=[{"role": "user", "content": prompt}])\n`,
      'app/gpt.py': `from openai import OpenAI\nfrom app.models import pick_model\n\nclient = OpenAI()\n\ndef ask(prompt):\n    return client.chat.completions.create(model=pick_model(), messages=[{"role": "user", "content": prompt}])\n`,
    });
    assert.match(request(r, 'app/claude.py').modelResolved ?? '', /^claude-/);
    assert.equal(request(r, 'app/gpt.py').modelResolved, 'gpt-4o-mini');
  });

  it("only the three big labs' families are foreign: other labs serve Anthropic-compatible endpoints, other hosts any model", () => {
    assert.equal(sdkCannotSend({ framework: 'google' }, 'gpt-3.5-turbo'), true);
    assert.equal(sdkCannotSend({ framework: 'anthropic' }, 'gemini-2.0-flash'), true);
    assert.equal(sdkCannotSend({ framework: 'anthropic' }, 'deepseek-chat'), false);
    assert.equal(sdkCannotSend({ framework: 'anthropic' }, 'openai/gpt-4o'), false, 'a gateway namespace');
    assert.equal(sdkCannotSend({ framework: 'openai' }, 'claude-sonnet-4-5'), false, 'OpenAI-compatible clients reach any host');
    assert.equal(sdkCannotSend({ framework: 'google', providerHint: 'openrouter' }, 'gpt-4o'), false, 'another host');
    assert.equal(sdkCannotSend({ framework: 'google' }, 'gemini-2.5-flash'), false);
  });
});
