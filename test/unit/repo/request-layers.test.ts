/**
 * A request layer (repo/request-layers.ts): functions whose only requests are behind a dispatch table of provider
 * functions keyed by the model's name, and the shared functions above them that only pass their input on. The
 * site is the first call outside the layer, where the input is made; a dispatcher handed to a UI event keeps its
 * dispatch; the model is the dispatch key, here a kwargs field no code fills: the setting of its name. Traps: a
 * plugin function passing the user's text on (called from its own file only) stays the site, its callers do not;
 * a wrapper building its own text is the site; tables of formatters, and a table with one request, make no layer.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from './fixture-scan';

describe('repo: request layers behind a model-dispatch table', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('request-layer');
  });
  const layerLines = (path: string): number[] => (r.files.find((f) => f.path === path)?.calls ?? []).filter((c) => c.rule === 'py-request-layer').map((c) => c.line);

  it('a plugin call into the shared wrapper is the site, priced on the setting LLM_MODEL', () => {
    const site = file(r, 'plugins/abstract.py').calls.find((c) => c.line === 6);
    assert.ok(site, JSON.stringify(file(r, 'plugins/abstract.py').calls.map((c) => c.line)));
    assert.equal(site.model, 'gpt-4o-mini');
    assert.match(site.modelSource?.detail ?? '', /LLM_MODEL/);
  });

  it('a plugin function passing the user text on, called from its own file only, keeps the site', () => {
    assert.deepEqual(layerLines('plugins/terminal.py'), [5]);
  });

  it('a wrapper building its own text is the site; the dispatcher handed to the UI keeps its dispatch', () => {
    assert.deepEqual(layerLines('crazy_functions/crazy_utils.py'), [17]);
    assert.deepEqual(layerLines('request_llms/bridge_all.py'), [23]);
    assert.deepEqual(layerLines('plugins/abstract.py'), [6]);
  });

  it('a field the site sets first: a setting read by name, or a read default; a key the dispatcher splits gives its first model', () => {
    const calls = file(r, 'plugins/multi.py').calls;
    assert.deepEqual(calls.map((c) => [c.line, c.model]), [[8, 'gpt-4o'], [13, 'claude-3-5-haiku']]);
  });

  it('the provider functions\' posts are the layer\'s implementation (listed, not billed)', () => {
    const posts = file(r, 'request_llms/bridge_chat.py').calls;
    assert.ok(posts.length >= 2 && posts.every((c) => c.role === 'implementation'), JSON.stringify(posts.map((c) => [c.line, c.role])));
  });

  it('traps: formatter tables and a table with one request make no layer', () => {
    for (const path of ['handlers/formatters.py', 'handlers/export.py', 'handlers/tasks.py']) assert.deepEqual(layerLines(path), [], path);
    const post = file(r, 'handlers/tasks.py').calls.find((c) => c.line === 11);
    assert.ok(post && post.role === undefined, 'the one request of a mixed table stays a site');
  });
});
