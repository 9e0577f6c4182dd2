#!/usr/bin/env bash
# Writes the pull-request comment of the Switchman plan action to $BODY (default switchman-plan.md):
#  1. switchman validate --format github: annotations at file:line, printed to the log, where GitHub shows them
#     on the pull request's files;
#  2. when valid, switchman plan --all --format markdown --detailed-exitcode against Railway: a summary table,
#     destructive changes called out, each environment's plan (secrets redacted);
#     when invalid, the problems as markdown instead of a plan.
# The body starts with a hidden marker, so one comment is found and updated on every push.
#
# Environment: SWITCHMAN (the command, default "switchman"), DESIRED_DIR (default desired-state), BODY, and what
# switchman reads itself (RAILWAY_API_TOKEN or RAILWAY_TOKEN, RAILWAY_API_URL, the secrets the YAML names).
# Writes result=in-sync|changes|invalid|error to $GITHUB_OUTPUT when set. Exits 0 once the body is written.
set -uo pipefail

read -r -a switchman <<< "${SWITCHMAN:-switchman}"
dir="${DESIRED_DIR:-desired-state}"
body="${BODY:-switchman-plan.md}"
marker='<!-- switchman-plan -->'
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"${switchman[@]}" validate "$dir" --format github >"$work/annotations" 2>"$work/validate.err"
valid=$?
cat "$work/annotations"

if [[ $valid -ne 0 ]]; then
  result=invalid
  "${switchman[@]}" validate "$dir" --format markdown >"$work/report.md" 2>>"$work/validate.err" \
    || true
  [[ -s "$work/report.md" ]] || cp "$work/validate.err" "$work/report.md"
else
  "${switchman[@]}" plan --all --dir "$dir" --format markdown --detailed-exitcode >"$work/report.md" 2>"$work/plan.err"
  case $? in
    0) result=in-sync ;;
    2) result=changes ;;
    *) result=error ;;
  esac
  if [[ $result == error && ! -s "$work/report.md" ]]; then
    { echo "### Switchman plan"; echo; echo "The plan failed:"; echo; echo '```'; cat "$work/plan.err"; echo '```'; } \
      >"$work/report.md"
  fi
fi

{
  echo "$marker"
  cat "$work/report.md"
  echo
  case $result in
    invalid) echo "**The desired state is invalid**: nothing was planned. The problems are annotated on the files." ;;
    error) echo "**The plan did not complete** for every environment; see above." ;;
    changes) echo "Merging applies these changes: Switchman reconciles Railway toward the new revision." ;;
    in-sync) echo "Railway already matches this desired state." ;;
  esac
  echo
  echo "<sub>switchman validate and plan at ${GITHUB_SHA:-$(git rev-parse HEAD 2>/dev/null || echo 'this revision')}</sub>"
} >"$body"

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  echo "result=$result" >>"$GITHUB_OUTPUT"
fi
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  cat "$body" >>"$GITHUB_STEP_SUMMARY"
fi
echo "switchman plan: $result; comment body in $body"
