#!/usr/bin/env bash
# Creates the plan comment on pull request $PR of $REPO (owner/name), or updates the one an earlier run made
# (found by the marker its body starts with), with the GitHub CLI: GH_TOKEN needs pull-requests: write.
set -euo pipefail
marker='<!-- switchman-plan -->'
: "${REPO:?owner/name}" "${PR:?pull request number}" "${BODY:?the comment body file}"

existing="$(gh api --paginate "repos/$REPO/issues/$PR/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
if [[ -n "$existing" ]]; then
  gh api --method PATCH "repos/$REPO/issues/comments/$existing" -F "body=@$BODY" --silent
  echo "updated comment $existing on #$PR"
else
  gh api --method POST "repos/$REPO/issues/$PR/comments" -F "body=@$BODY" --silent
  echo "commented on #$PR"
fi
