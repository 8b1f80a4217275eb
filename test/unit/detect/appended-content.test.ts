import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const SOURCE = `from copy import deepcopy
from camel.agents import ChatAgent


class Society:
    def step(self, user_msg):
        modified = deepcopy(user_msg)
        modified.content += f"""
        Here is auxiliary information about the overall task: {self.task}
        Call a tool before you answer, and say which tool you called.
        """
        return self.assistant_agent.step(modified)

    def interrupted(self, messages):
        messages[-1]["content"] += "\\n^C KeyboardInterrupt"
        return messages

    def log_only(self, record):
        record.content += f"Saved the transcript to {self.path} on disk"
        print("done")
`;

describe('detect: text appended to a message content before it is sent (Python)', () => {
  it('an instruction appended to a message that is handed on is a prompt; a one-word note and an append never handed on are not', async () => {
    const f = await detectFile(SOURCE, 'society.py');
    const lines = f.prompts.map((p) => p.line);
    assert.ok(lines.includes(8), `the appended instruction is reported (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(15), 'a one-word interruption marker is a value');
    assert.ok(!lines.includes(19), 'an append to a record that is never handed on');
  });
});
