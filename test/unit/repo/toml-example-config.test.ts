import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('a model read from a TOML configuration with an example fallback', () => {
  it('follows the loader (path fallback, open, parse), a settings property and a refined parameter to the shipped example', async () => {
    // config/config.toml is not shipped; the code falls back to config/config.example.toml, parsed into a dict of
    // settings behind a property (`config.llm`), then `llm_config = llm_config.get(config_name, llm_config["default"])`.
    const r = await scan('py-toml-example');
    const [ask] = file(r, 'app/llm.py').calls;
    assert.equal(ask.line, 15);
    assert.equal(ask.model, 'claude-3-7-sonnet-20250219');
    assert.equal(ask.modelSource?.from, 'config');
    assert.deepEqual(ask.modelSource?.at, { path: 'config/config.example.toml', line: 3 });
  });
});
