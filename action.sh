#!/usr/bin/env bash
# The script of action.yml (usable from any CI with gh): runs `tokenomics diff` against the pull
# request's base, creates or updates one sticky comment (found by the marker line that
# `--format github` starts with), adds the comment to the job summary, and exits with the diff's
# status, so that a tripped --fail-on-increase gate fails the check.
#
# Environment: INPUT_BASE, INPUT_FAIL_ON_INCREASE, INPUT_PATH (the action's inputs), GITHUB_BASE_REF,
# GITHUB_REPOSITORY, GITHUB_EVENT_PATH (set by GitHub Actions), PR_NUMBER (overrides the event's),
# TOKENOMICS (the command to run; default `npx --yes tokenomics`).
set -euo pipefail

marker='<!-- tokenomics-diff -->'
base="${INPUT_BASE:-}"
if [ -z "$base" ]; then
  if [ -z "${GITHUB_BASE_REF:-}" ]; then
    echo "tokenomics action: no base revision: set the 'base' input, or run on a pull_request event" >&2
    exit 2
  fi
  base="origin/${GITHUB_BASE_REF}"
fi

args=(diff "$base" --format github)
if [ -n "${INPUT_PATH:-}" ]; then args+=(--path "$INPUT_PATH"); fi
if [ -n "${INPUT_FAIL_ON_INCREASE:-}" ]; then args+=(--fail-on-increase "$INPUT_FAIL_ON_INCREASE"); fi

body="$(mktemp)"
trap 'rm -f "$body"' EXIT
read -r -a tokenomics <<< "${TOKENOMICS:-npx --yes tokenomics}"
set +e
"${tokenomics[@]}" "${args[@]}" > "$body"
status=$?
set -e
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$status" >> "$GITHUB_OUTPUT"; fi
if [ "$status" -ge 2 ]; then
  echo "tokenomics action: tokenomics diff failed (exit $status); no comment posted" >&2
  exit "$status"
fi
if [ "$(head -n 1 "$body")" != "$marker" ]; then
  echo "tokenomics action: unexpected output from tokenomics diff (no marker line); no comment posted" >&2
  exit 2
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$body" >> "$GITHUB_STEP_SUMMARY"; fi

pr="${PR_NUMBER:-}"
if [ -z "$pr" ] && [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  pr="$(node -e 'const e = require(process.argv[1]); process.stdout.write(String((e.pull_request && e.pull_request.number) || e.number || ""))' "$GITHUB_EVENT_PATH")"
fi
if [ -z "$pr" ]; then
  echo "tokenomics action: not a pull request; the comment is in the job summary only"
else
  repo="${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"
  existing="$(gh api --paginate "repos/$repo/issues/$pr/comments" --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
  if [ -n "$existing" ]; then
    gh api --method PATCH "repos/$repo/issues/comments/$existing" -F "body=@$body" > /dev/null
    echo "tokenomics action: updated comment $existing on #$pr"
  else
    gh api --method POST "repos/$repo/issues/$pr/comments" -F "body=@$body" > /dev/null
    echo "tokenomics action: commented on #$pr"
  fi
fi
exit "$status"
