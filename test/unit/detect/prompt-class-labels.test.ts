import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const SRC = `class ReviewPromptMixin:
    def review(self):
        return self.ask(self.review_request)


class Reviewer(ReviewPromptMixin):
    display_name = "Code Reviewer Agent"
    title = "Reviews the pull request"
    review_request = "Review the diff below and list every bug you find, with its line."
`;

describe('detect: the labels of a prompt-holding class are not prompts', () => {
  it('display_name and title name the class for people; a text attribute of the same class is still a prompt', async () => {
    const file = await detectFile(SRC, 'agents/reviewer.py');
    assert.deepEqual(
      file.prompts.map((p) => [p.line, p.name ?? '']),
      [[9, 'review_request']],
    );
  });
});
