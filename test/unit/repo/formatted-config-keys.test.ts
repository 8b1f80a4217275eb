import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

describe('configuration values formatted into a prompt are prompts of the configuration file (formatted-config-keys.ts)', () => {
  const getter = [
    'import yaml',
    'from pathlib import Path',
    '',
    '_ROOT = Path(__file__).absolute().parent',
    '',
    '',
    'def get_settings(config: dict):',
    '    if "owner" in config["configurable"]:',
    '        return config["configurable"]',
    '    with open(_ROOT.joinpath("settings.yaml")) as stream:',
    '        return yaml.safe_load(stream)',
  ].join('\n');
  const node = [
    'from langchain_openai import ChatOpenAI',
    'from app.settings import get_settings',
    '',
    'SORT_PROMPT = """You sort incoming mail for {owner}. Here is what you know about them: {about}',
    '',
    'Mail to ignore:',
    '{ignore_rules}"""',
    '',
    '',
    'async def sort_mail(state, config):',
    '    llm = ChatOpenAI(model="gpt-4o")',
    '    cfg = get_settings(config)',
    '    rules = cfg.get("ignore_rules")',
    '    text = SORT_PROMPT.format(owner=cfg["owner"], about=cfg["about"], ignore_rules=rules)',
    '    return await llm.ainvoke(text)',
    '',
    '',
    'def banner(config):',
    '    cfg = get_settings(config)',
    '    return "Signed in as {who}".format(who=cfg["footer"])',
  ].join('\n');
  const settings = [
    'owner: Ada',
    'about: Ada runs a small bakery and answers wholesale orders herself.',
    'ignore_rules: |',
    '  - Newsletters from suppliers she never ordered from',
    '  - Automated shipping notifications',
    'footer: Sent from the bakery mailbox, please do not reply here.',
    'port: 8080',
  ].join('\n');

  it('reports the texts read into the prompt\'s slots, by subscript, by .get and through a local, whatever the key is called', async () => {
    const r = await scanTree({ 'app/settings.py': getter, 'app/sort.py': node, 'app/settings.yaml': settings });
    const lines = (r.files.find((f) => f.path === 'app/settings.yaml')?.prompts ?? []).map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [2, 3], `have ${r.files.map((f) => f.path)}`);
  });

  it('a value formatted into a text that is no prompt (a banner) leaves the file alone', async () => {
    const r = await scanTree({ 'app/settings.py': getter, 'app/sort.py': node.split('\n').slice(0, 3).join('\n') + '\n' + node.split('\n').slice(17).join('\n'), 'app/settings.yaml': settings });
    assert.equal(r.files.find((f) => f.path === 'app/settings.yaml')?.prompts.length ?? 0, 0);
  });
});
