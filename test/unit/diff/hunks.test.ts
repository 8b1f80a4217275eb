import * as assert from 'node:assert/strict';
import { mapLine, parseUnifiedDiff } from '../../../src/core/diff';

const PATCH = `diff --git a/src/agent.ts b/src/agents/review.ts
similarity index 90%
rename from src/agent.ts
rename to src/agents/review.ts
index 1111111..2222222 100644
--- a/src/agent.ts
+++ b/src/agents/review.ts
@@ -0,0 +1,2 @@
+// one
+// two
@@ -10,2 +12,3 @@ export async function run() {
-a
-b
+c
+d
+e
diff --git a/gone.py b/gone.py
deleted file mode 100644
index 3333333..0000000
--- a/gone.py
+++ /dev/null
@@ -1,3 +0,0 @@
-x
-y
-z
diff --git a/new file.ts b/new file.ts
new file mode 100644
index 0000000..4444444
--- /dev/null
+++ b/new file.ts\t
@@ -0,0 +1 @@
+x
diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"
index 5555555..6666666 100644
--- "a/caf\\303\\251.md"
+++ "b/caf\\303\\251.md"
@@ -4 +4 @@
-old
+new
`;

describe('diff: git changes', () => {
  it('reads renames, deletions, new files, quoted paths and hunks from `git diff -M -U0`', () => {
    const changes = parseUnifiedDiff(PATCH);
    assert.deepEqual(
      changes.map((c) => [c.basePath, c.headPath, c.hunks.length]),
      [
        ['src/agent.ts', 'src/agents/review.ts', 2],
        ['gone.py', undefined, 1],
        [undefined, 'new file.ts', 1],
        ['café.md', 'café.md', 1],
      ],
    );
    assert.deepEqual(changes[0].hunks[1], { oldStart: 10, oldLines: 2, newStart: 12, newLines: 3 });
    assert.deepEqual(changes[3].hunks[0], { oldStart: 4, oldLines: 1, newStart: 4, newLines: 1 });
  });

  it('maps base lines to head lines across insertions, removals and replaced ranges', () => {
    const [rename] = parseUnifiedDiff(PATCH);
    assert.equal(mapLine(rename.hunks, 1), 3, 'two lines inserted at the top');
    assert.equal(mapLine(rename.hunks, 9), 11);
    assert.equal(mapLine(rename.hunks, 10), 12, 'a replaced line maps into its replacement');
    assert.equal(mapLine(rename.hunks, 11), 13);
    assert.equal(mapLine(rename.hunks, 12), 15, 'after a range that grew by one');
    assert.equal(mapLine([], 7), 7);
    assert.equal(mapLine([{ oldStart: 3, oldLines: 2, newStart: 2, newLines: 0 }], 8), 6, 'two lines removed above');
  });
});
