import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { catalog, file, REPOS, scan } from './fixture-scan';

const CHAT = readFileSync(join(REPOS, 'schema-senders', 'bot', 'chat.py'), 'utf8');

describe('schemas sent through a helper that writes their JSON schema into a message', () => {
  it('a parameter whose model_json_schema() goes into a message text makes its function a sender; one dumped to a file, logged or returned does not', async () => {
    const detected = await detectFile(CHAT, 'bot/chat.py');
    assert.deepEqual(
      detected.facts?.schemaSenders?.map((s) => [s.fn, s.param]),
      [['reply_as', 0]],
      'reply_as(self, model) sends the schema of its first argument; export_schema, debug_schema and Validator.schema do not',
    );
  });

  it('the field annotations of a schema class name the models nested in its JSON schema, through a type alias too', async () => {
    const detected = await detectFile(readFileSync(join(REPOS, 'schema-senders', 'bot', 'plans.py'), 'utf8'), 'bot/plans.py');
    assert.deepEqual(detected.facts?.schemaRefs, { Item: ['Step', 'Note'], Plan: ['Item'] });
  });

  it('each class passed to the sender is a prompt of its own file, with the classes nested in it; classes passed elsewhere are not', async () => {
    const r = await scan('schema-senders');
    const plans = file(r, 'bot/plans.py');
    assert.deepEqual(
      plans.prompts.map((p) => [p.line, p.kind]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [8, 'tool-description'],
        [12, 'tool-description'],
        [19, 'tool-description'],
        [25, 'tool-description'],
      ],
      'Step and Note (nested in Plan through Item), Plan, Verdict; never Exported (written to a file) nor Settings (logged, validated)',
    );
    assert.deepEqual(plans.prompts.map((p) => p.name).sort(), ['Note', 'Plan', 'Step', 'Verdict']);
    assert.match(plans.prompts.find((p) => p.name === 'Step')!.preview, /A short title of the step/);
  });

  it('an f-string field description is part of the schema text, a module constant in it filled in', async () => {
    const r = await scan('schema-senders');
    const verdict = file(r, 'bot/plans.py').prompts.find((p) => p.line === 25);
    assert.ok(verdict, 'Verdict reported');
    assert.match(verdict.preview, /verdict: str — Answer PROCEED when the plan is complete/);
  });

  it('the editor reports the same schema prompts as the scan', async () => {
    const dir = join(REPOS, 'schema-senders');
    const scanned = file(await scan('schema-senders'), 'bot/plans.py');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'bot', 'plans.py'), 'utf8');
    const edited = await analyzeText(text, 'bot/plans.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.deepEqual(edited.prompts, scanned.prompts);
  });
});
