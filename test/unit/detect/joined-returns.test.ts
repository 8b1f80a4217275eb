import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('a prompt-named function returning text joined from a list it appends to', () => {
  const src = (name: string): string =>
    [
      'class Executor:', //                                                                1
      `    def ${name}(self, node, skills_xml):`, //                                        2
      '        parts = []', //                                                              3
      '        if node.role:', //                                                           4
      '            parts.append(node.role)', //                                             5
      '        if skills_xml:', //                                                          6
      '            parts.append("\\n".join(["You have access to Agent Skills.", "Load a skill before following it.", skills_xml]))', // 7
      '        else:', //                                                                   8
      '            parts.append("No skills are available for this node right now.")', //    9
      '        if not parts:', //                                                          10
      '            return None', //                                                        11
      '        return "\\n\\n".join(part for part in parts if part)', //                     12
    ].join('\n');

  it('the written texts appended to the joined list are the prompt’s pieces; a value appended is not', async () => {
    const f = await detectFile(src('_build_system_prompt'), 'executor.py');
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [
        [7, 'system'],
        [9, 'system'],
      ],
    );
  });

  it('trap: the same function under a name that says nothing of prompts (a log or report builder) reports nothing', async () => {
    assert.deepEqual((await detectFile(src('_build_report'), 'executor.py')).prompts, []);
  });
});
