// Runs last: everything above happened without the browser asking anything of another machine.
// (.ci/run also runs the whole suite in a network namespace with only loopback.)
import assert from 'node:assert/strict';
import { session } from '../lib/current.mjs';

describe('offline', function () {
  it('the workbench, webviews and extension made no request off this machine', function () {
    assert.deepEqual(session().offMachineRequests, []);
  });
});
