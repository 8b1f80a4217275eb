import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import { file, REPOS, scan } from './fixture-scan';

describe('texts passed to the repository’s own conversation methods', () => {
  it('a method that appends {"role", "content"} to the instance’s list with a literal role, or calls the one that does, is a message method', async () => {
    const text = readFileSync(join(REPOS, 'message-builders', 'chat', 'dialog.py'), 'utf8');
    const detected = await detectFile(text, 'chat/dialog.py');
    assert.deepEqual(
      detected.facts?.messageBuilders?.map((b) => [b.fn, b.param, b.role]),
      [
        ['system', 0, 'system'],
        ['ask', 0, 'user'],
      ],
      'add takes its role as a parameter; reply adds model output (assistant); track appends events, not messages',
    );
  });

  it('the text a caller passes to one is a prompt of the caller’s file, at the method’s role; other calls’ texts are not', async () => {
    const r = await scan('message-builders');
    const planner = file(r, 'chat/planner.py');
    assert.deepEqual(
      planner.prompts.map((p) => [p.line, p.kind]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [2, 'system'],
        [3, 'user-template'],
      ],
    );
  });
});
