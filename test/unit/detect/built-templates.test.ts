import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('detect: prompt-named templates built by a helper of the same module', () => {
  it("the helper's returned join and the constants it splices or is passed are prompts; a helper returning a path is not", async () => {
    const f = await detectFile(
      `import os

AGENT_IDENTITY = """You are Ada, a browsing agent that completes tasks on the web for the user."""

SAFETY_RULES = """Stop and ask the user before any purchase or any message sent on their behalf."""

PROMPT_DIR = "prompts"


def _build_template(identity: str) -> str:
    return (
        identity + "\\n\\n" + SAFETY_RULES + "\\n\\n"
        "You are given the tools below, inside <tools></tools> tags:\\n{tool_descs}\\n"
        "Today's date is {today}."
    )


def _prompt_path(name: str) -> str:
    return os.path.join(PROMPT_DIR, name)


AGENT_TEMPLATE = _build_template(AGENT_IDENTITY)
REVIEW_PROMPT_FILE = _prompt_path("review.txt")
`,
      'templates.py',
    );
    assert.deepEqual(
      f.prompts.map((p) => p.line).sort((a, b) => a - b),
      [3, 5, 12],
      'the identity passed in (3), the spliced rules (5), the returned join (12); never the path helper',
    );
  });
});
