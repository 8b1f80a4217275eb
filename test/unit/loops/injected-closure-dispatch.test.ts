/**
 * A session loop that sends each post through a closure of its method (`def _send_message(…): self.planner.reply(…)`),
 * to a role built by python-injector (`self.planner = self.injector.create_object(Planner, …)`), with several
 * repository classes defining `reply` (so the receiver's class must be known): the closure sees the method's
 * `self` (repo/dispatch.ts) and the injector's builder gives an instance of the class passed (repo/eval-calls.ts).
 * Traps: a closure in a plain function has no `self`; `settings.get(Planner)` on something not an injector builds nothing.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const ROLES = `from openai import OpenAI

client = OpenAI()


class Planner:
    def reply(self, memory):
        resp = client.chat.completions.create(model="gpt-4o", messages=memory)
        return resp.choices[0].message.content


class Worker:
    def reply(self, memory):
        return "done"


class Reviewer:
    def reply(self, memory):
        return "ok"
`;

const SESSION = `from injector import Injector, inject
from app.roles import Planner


class Session:
    @inject
    def __init__(self, app_injector: Injector):
        self.session_injector = app_injector.create_child_injector()
        self.planner = self.session_injector.create_object(Planner, additional_kwargs={"workers": {}})
        self.max_rounds = 10
        self.count = 0

    def send(self, message):
        def _send_message(recipient, post):
            return self.planner.reply([post])

        post = message
        while True:
            post = _send_message("Planner", post)
            self.count += 1
            if post == "User":
                break
            if self.count >= self.max_rounds:
                raise Exception("too many rounds")
        return post


class Lookalike:
    def __init__(self, settings):
        self.planner = settings.get(Planner)

    def send(self, message):
        def _send(post):
            return self.planner.reply([post])

        post = message
        while post != "User":
            post = _send(post)
        return post


def plain(message, holder):
    def _send(post):
        return holder.planner.reply([post])

    while message != "User":
        message = _send(message)
    return message
`;

describe('loops: a loop through a closure of its method to a role built by an injector', () => {
  it('the session loop reaches the planner’s request and is bounded by the round counter; the look-alikes are no loops', async () => {
    const r = await scanTree({ 'app/roles.py': ROLES, 'app/session.py': SESSION });
    const loops = file(r, 'app/session.py').agentLoops.map((l) => [l.line, l.bounded, l.maxSteps]);
    assert.deepEqual(loops, [[18, true, 10]]);
    assert.deepEqual(file(r, 'app/session.py').agentLoops[0].stepSites, [{ path: 'app/roles.py', line: 8 }]);
  });
});
