import * as assert from 'node:assert/strict';
import { shippedFile } from '../../../src/core/repo/user-config';
import { file, scan } from './fixture-scan';

describe("a configuration read from the user's config directory", () => {
  it('is the file the application ships for it: same name, the named folders in its path, not a test fixture', () => {
    const paths = ['app/profiles/defaults/default.yaml', 'tests/profiles/default.yaml', 'app/other/default.yaml', 'app/profiles/defaults/fast.yaml'];
    assert.equal(shippedFile('profiles/default.yaml', paths), 'app/profiles/defaults/default.yaml');
    assert.equal(shippedFile('profiles/missing.yaml', paths), undefined);
    // Not a configuration file: never matched by name.
    assert.equal(shippedFile('profiles/default.py', ['app/profiles/default.py']), undefined);
  });

  it('gives the model of a script that reads its profile there, through `with open(…) as f`, dict `.get` chains and the branch that resolves', async () => {
    const r = await scan('user-profile');
    const [call] = file(r, 'scripts/helper.py').calls.filter((c) => c.role !== 'binding');
    assert.equal(call?.line, 20);
    // `helper.model` is commented out in the shipped profile: the `else` branch reads `llm.model`, not its "gpt-4o-mini" fallback.
    assert.equal(call.model, 'gpt-4o');
    assert.equal(call.modelSource?.from, 'config');
    assert.deepEqual(call.modelSource?.at, { path: 'app/profiles/defaults/default.yaml', line: 3 });
  });
});
