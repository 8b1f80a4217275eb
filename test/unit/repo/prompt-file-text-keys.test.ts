import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

describe('a configuration file named as a prompt keeps its prompt under a generic text key (content:)', () => {
  const config = [
    'import os',
    'from app.util import read_yaml',
    '',
    'class SummarizerConfig:',
    '    def configure(self):',
    '        self.prompt_path = self.get_path("prompt_path", os.path.join(os.path.dirname(os.path.abspath(__file__)), "summary_prompt.yaml"))',
    '        self.labels_path = self.get_path("labels_path", os.path.join(os.path.dirname(os.path.abspath(__file__)), "labels.yaml"))',
    '',
    'class Summarizer:',
    '    def __init__(self, config):',
    '        self.template = read_yaml(config.prompt_path)["content"]',
    '        self.labels = read_yaml(config.labels_path)["content"]',
  ].join('\n');
  const files = {
    'app/summarizer.py': config,
    'app/summary_prompt.yaml': 'version: 0.1\ncontent: |-\n  Summarize the chat history below into a short plan of the steps done and the steps left.\n  {chat_history}\n',
    'app/labels.yaml': 'version: 0.1\ncontent: |-\n  Shown in the sidebar next to each conversation as its title text.\n',
  };

  it('the text under content: of the prompt-named file is a prompt; the same key in a file not named as a prompt is not', async () => {
    const r = await scanTree(files);
    const prompts = (path: string) => r.files.find((f) => f.path === path)?.prompts ?? [];
    assert.ok(prompts('app/summary_prompt.yaml').some((p) => p.line === 2), `have ${r.files.map((f) => f.path)}`);
    assert.equal(prompts('app/labels.yaml').length, 0);
  });
});
