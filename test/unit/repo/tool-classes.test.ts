import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFile } from '../../../src/core/detect';
import type { ScanResult } from '../../../src/node/scan';
import { file, REPOS, scan } from './fixture-scan';

const lines = (r: ScanResult, path: string): number[] => file(r, path).prompts.map((p) => p.line).sort((a, b) => a - b);
const reported = (r: ScanResult, path: string): boolean => r.files.some((f) => f.path === path && f.prompts.length > 0);

describe('tool classes whose attributes a base class sends as the tool schema', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('tool-classes');
  });

  it('a dict of a tool definition reading self.description / self.parameters, or tool.x of a parameter typed with the class, is a schema builder', async () => {
    const base = await detectFile(readFileSync(join(REPOS, 'tool-classes', 'kit', 'base.py'), 'utf8'), 'kit/base.py');
    assert.deepEqual(base.facts?.toolSchemaBuilders?.map((b) => [b.cls, b.described, b.schemas]), [['Gadget', ['description'], ['parameters']]]);
    const catalog = await detectFile(readFileSync(join(REPOS, 'tool-classes', 'kit', 'catalog.py'), 'utf8'), 'kit/catalog.py');
    assert.deepEqual(catalog.facts?.toolSchemaBuilders?.map((b) => [b.cls, [...b.described].sort()]), [['Shell', ['arg_help', 'description']]]);
    const widgets = await detectFile(readFileSync(join(REPOS, 'tool-classes', 'ui', 'widgets.py'), 'utf8'), 'ui/widgets.py');
    assert.equal(widgets.facts?.toolSchemaBuilders, undefined, 'a {"title", "description"} record for a page holds no tool key: not a builder');
  });

  it('a subclass in another file (imported through the package) sends the attributes the builders read, its constant and its schema’s descriptions', () => {
    // 5-6: the description constant; 13: arg_help (read by function_spec); 19: the command’s description. Not the UI label (12).
    assert.deepEqual(lines(r, 'kit/shell.py'), [5, 13, 19]);
    assert.ok(file(r, 'kit/shell.py').prompts.every((p) => p.kind === 'tool-description'));
  });

  it('a subclass of the subclass too, with the schema a method of the class builds in the constructor', () => {
    assert.deepEqual(lines(r, 'kit/grep.py'), [6, 16]);
  });

  it('trap: a class whose base writes its description into a record for a page sends nothing', () => {
    assert.equal(reported(r, 'ui/widgets.py'), false);
  });
});

describe('message factories of the repository’s own message class', () => {
  it('a classmethod returning cls(role=Role.USER, content=<param>) is a message builder at that parameter, by position and by keyword', async () => {
    const detected = await detectFile(readFileSync(join(REPOS, 'tool-classes', 'chat', 'message.py'), 'utf8'), 'chat/message.py');
    assert.deepEqual(
      detected.facts?.messageBuilders?.map((b) => [b.fn, b.param, b.role, b.kw]),
      [
        ['user_message', 0, 'user', 'content'],
        ['system_message', 0, 'system', 'content'],
      ],
      'the assistant message replays model output: not a builder',
    );
  });

  it('texts passed to them are prompts of the caller’s file; an assistant message and a variable are not', async () => {
    const r = await scan('tool-classes');
    const session = file(r, 'chat/session.py');
    assert.deepEqual(
      session.prompts.map((p) => [p.line, p.kind]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [9, 'system'],
        [12, 'user-template'],
      ],
    );
  });
});

describe('prompt constants nothing sends', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('tool-classes');
  });

  it('a module-level prompt constant no file mentions again is not reported; one imported, or used in its own file, is', () => {
    // 1: USED_PROMPT (imported by app.py); 7: LOCAL_PROMPT (used by summary_request). Not UNUSED_PROMPT (3).
    assert.deepEqual(lines(r, 'prompts/texts.py'), [1, 7]);
  });

  it('a mention of the same name bound to another module’s constant is not a use of this one', () => {
    assert.ok(!lines(r, 'prompts/texts.py').includes(5), 'app.py imports NEXT_STEP_PROMPT from prompts/other.py');
    assert.deepEqual(lines(r, 'prompts/other.py'), [1]);
  });
});
