import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

// The first line names a prompt: a file that names nothing of one is not parsed (detect/index.ts HINTS).
const promptsOf = async (src: string[]) => (await detectFile(['# the button prompts', ...src].join('\n') + '\n', 'core_functional.py')).prompts.map((p) => [p.line - 1, p.kind]);

describe('detect: texts a button record adds before and after the user\'s input (Python)', () => {
  it('each written Prefix and Suffix is a user prompt, short fences and texts handed to a helper too', async () => {
    const found = await promptsOf([
      'def get_core_functions():',
      '    return {',
      '        "Polish": {',
      '            "Prefix": masked_text(',
      '                text_show_english=r"Below is a paragraph from an academic paper. Polish the writing.",',
      '                text_show_chinese=r"作为一名中文学术论文写作改进助理，你的任务是改进所提供文本。",',
      '            ) + "\\n\\n",',
      '            "Suffix": r"",',
      '            "Color": r"secondary",',
      '        },',
      '        "Explain code": {',
      '            "Prefix": r"请解释以下代码：" + "\\n```\\n",',
      '            "Suffix": "\\n```\\n",',
      '        },',
      '    }',
    ]);
    assert.deepEqual(found, [[5, 'user-template'], [6, 'user-template'], [12, 'user-template'], [13, 'user-template']]);
  });

  it('traps: a lone prefix option, a record without a Suffix, white space only', async () => {
    const found = await promptsOf([
      'LOGGING = {"prefix": "app-worker-", "level": "INFO"}',
      'NAMING = {"Prefix": "run_", "Color": "primary"}',
      'EMPTY = {"Prefix": "\\n\\n", "Suffix": "  "}',
    ]);
    assert.deepEqual(found, []);
  });
});
