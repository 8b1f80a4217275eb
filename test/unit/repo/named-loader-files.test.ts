/**
 * Prompt files read by name through the repository's own loaders (MineDojo/Voyager's control primitives context,
 * a Jinja loader beside its module, a TypeScript loader under __dirname): each literal name a caller passes picks
 * its file. Look-alikes: a loader of data files or e-mail templates, a loader of code run (not shown to a model), a caller passing a
 * name the scan cannot read, a loader only tests call.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

const CONTEXT = `import os


def load_control_primitives_context(primitive_names=None):
    package_path = os.path.dirname(__file__)
    if primitive_names is None:
        primitive_names = [p[:-3] for p in os.listdir(f"{package_path}/control_primitives_context") if p.endswith(".js")]
    primitives = [
        open(f"{package_path}/control_primitives_context/{primitive_name}.js").read()
        for primitive_name in primitive_names
    ]
    return primitives
`;

const ACTION = `from openai import OpenAI

from game.context import load_control_primitives_context

client = OpenAI()


def act(task):
    base_skills = ["mineBlock", "craftItem"]
    if task != "easy":
        base_skills += [
            "killMob",
        ]
    programs = "\\n\\n".join(load_control_primitives_context(base_skills))
    messages = [{"role": "system", "content": "Here are some useful programs:\\n" + programs}, {"role": "user", "content": task}]
    return client.chat.completions.create(model="gpt-4o", messages=messages)
`;

const JS = 'async function mineBlock(bot, name, count = 1) {\n  // Mine the nearest blocks of the given type.\n  return bot.collectBlock.collect(name, count);\n}\n';

function promptPaths(r: Awaited<ReturnType<typeof scanTree>>): string[] {
  return r.files.filter((f) => f.prompts.some((p) => /by name/.test(p.reason ?? ''))).map((f) => f.path).sort();
}

describe('prompt files read by name through the repository loaders', () => {
  it('a list of literal names (grown by `+=` on a branch) handed to a loader over a folder of example programs: each named file is a prompt', async () => {
    const r = await scanTree({
      'game/context.py': CONTEXT,
      'game/action.py': ACTION,
      'game/control_primitives_context/mineBlock.js': JS,
      'game/control_primitives_context/craftItem.js': JS.replace(/mineBlock/g, 'craftItem'),
      'game/control_primitives_context/killMob.js': JS.replace(/mineBlock/g, 'killMob'),
      'game/control_primitives_context/useChest.js': JS.replace(/mineBlock/g, 'useChest'),
    });
    // killMob is added under a branch (`+=`); useChest is never named.
    assert.deepEqual(promptPaths(r), ['game/control_primitives_context/craftItem.js', 'game/control_primitives_context/killMob.js', 'game/control_primitives_context/mineBlock.js']);
    assert.ok(file(r, 'game/control_primitives_context/mineBlock.js').prompts[0].reason?.includes('game/action.py'));
  });

  it('a Jinja loader beside its module and a TypeScript loader under __dirname, called with literal names', async () => {
    const r = await scanTree({
      'svc/templates/__init__.py': `from pathlib import Path\n\nimport jinja2\n\n\ndef render_prompt(name, **kwargs):\n    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent))\n    return env.get_template(f"{name}.j2").render(**kwargs)\n`,
      'svc/templates/triage.j2': 'Decide whether the issue {{ title }} can be solved by an agent. Answer yes or no with a reason.\n',
      'svc/triage.py': `from openai import OpenAI\n\nfrom svc.templates import render_prompt\n\nclient = OpenAI()\n\n\ndef triage(title):\n    content = render_prompt("triage", title=title)\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}])\n`,
      'web/loader.ts': "import * as fs from 'fs';\nimport * as path from 'path';\n\nexport function loadPrompt(name: string): string {\n  return fs.readFileSync(path.join(__dirname, 'texts', `${name}.md`), 'utf8');\n}\n",
      'web/texts/review.md': 'Review the pull request below and list the bugs you find, one per line, most severe first.\n',
      'web/review.ts': "import OpenAI from 'openai';\nimport { loadPrompt } from './loader';\n\nconst client = new OpenAI();\n\nexport async function review(diff: string) {\n  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: loadPrompt('review') }, { role: 'user', content: diff }] });\n}\n",
    });
    // The Jinja file is a prompt of its own (detection reads templates); the Markdown file only through its loader.
    assert.deepEqual(promptPaths(r), ['web/texts/review.md']);
    assert.equal(file(r, 'svc/templates/triage.j2').prompts.length, 1);
  });

  it('look-alikes: data files, e-mail templates, code the program runs, names the scan cannot read and loaders only tests call are not taken', async () => {
    const r = await scanTree({
      'app/data.py': `def load_split(split):\n    return open(f"data/{split}.json").read()\n\n\ndef load_notes(name):\n    return open(f"notes/{name}.txt").read()\n`,
      'app/run.py': `import sys\n\nfrom app.data import load_split, load_notes\n\nrows = load_split("train")\nnotes = load_notes(sys.argv[1])\n`,
      'app/data/train.json': '{"rows": [1, 2, 3]}\n',
      'app/notes/a.txt': 'Some notes the user keeps about the project and its plans.\n',
      'app/primitives.py': `import os\n\n\ndef load_control_primitives(primitive_names):\n    return [open(f"{os.path.dirname(__file__)}/control_primitives/{n}.js").read() for n in primitive_names]\n`,
      'app/env.py': `from app.primitives import load_control_primitives\n\nprograms = load_control_primitives(["mineBlock"])\n`,
      'app/control_primitives/mineBlock.js': JS,
      'app/prompt_loader.py': `def load_prompt(name):\n    return open(f"prompt_texts/{name}.md").read()\n`,
      'tests/test_prompts.py': `from app.prompt_loader import load_prompt\n\n\ndef test_load():\n    assert load_prompt("system")\n`,
      'app/prompt_texts/system.md': 'You are a careful assistant that answers in short sentences.\n',
      'app/mailer.py': `def render_email(event):\n    return open(f"templates/{event}.txt").read()\n\n\nWELCOME = render_email("welcome")\n`,
      'app/templates/welcome.txt': 'Welcome to the project! We are glad you joined us, here is how to start.\n',
    });
    assert.deepEqual(promptPaths(r), []);
  });
});
