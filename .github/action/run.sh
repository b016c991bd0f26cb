#!/usr/bin/env bash
# The shell of Kept's GitHub Action (action.yml at the repository root), kept here so that it can be
# run and tested outside GitHub (ActionIT runs it against the local build, with no network).
#
#   run.sh fetch   install the released Kept $KEPT_VERSION into $KEPT_HOME/kept-$KEPT_VERSION/,
#                  unless it is there already (restored by actions/cache): download
#                  kept-VERSION.tar.gz and SHA256SUMS from $KEPT_DOWNLOAD_URL (default: the
#                  release vVERSION of $KEPT_REPOSITORY on GitHub), check the archive's SHA-256,
#                  unpack it, and check that it says it is that version.
#   run.sh run     run $KEPT_COMMAND (check or build; empty: check for a pull request, build
#                  otherwise) on $KEPT_CHARTER into $KEPT_OUT, with $KEPT_ARGS added. check prints
#                  its findings as GitHub annotations (--format github).
#
# Exit codes: Kept's own for run; 2 for a wrong input; 1 when the download or its check fails.
set -euo pipefail

fail() {
  # An annotation (shown on the run's summary) and the same words in the log.
  echo "::error title=Kept action::$*"
  echo "kept action: $*" >&2
  exit "${code:-2}"
}

# Sets v (the version, without a leading v) and home (where Kept is installed), or fails.
# Not in a $(...): fail's annotation must reach the log.
inputs() {
  v="${KEPT_VERSION:-}"
  [[ "$v" != v* ]] || fail "input 'version' is '$v': write it without the v, such as ${v#v}"
  [ -n "$v" ] || fail "input 'version' is required: a released Kept version such as 0.2.0"
  [[ "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-.][0-9A-Za-z.-]+)?$ ]] \
    || fail "input 'version' is '$KEPT_VERSION', not a version such as 0.2.0"
  [ -n "${KEPT_HOME:-}" ] || fail "KEPT_HOME is not set: the folder Kept is installed in"
  home="$KEPT_HOME"
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

fetch() {
  local v home dir base
  inputs
  dir="$home/kept-$v"
  if [ -x "$dir/bin/kept" ]; then
    echo "Kept $v: already installed in $dir"
  else
    base="${KEPT_DOWNLOAD_URL:-https://github.com/${KEPT_REPOSITORY:-kept-dev/kept}/releases/download/v$v}"
    base="${base%/}"
    mkdir -p "$home"
    tmp="$(mktemp -d "$home/.fetch.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT  # $tmp is global: the trap runs after fetch has returned
    echo "Kept $v: downloading $base/kept-$v.tar.gz"
    code=1
    curl -fsSL --retry 3 -o "$tmp/kept-$v.tar.gz" "$base/kept-$v.tar.gz" \
      || fail "could not download $base/kept-$v.tar.gz: is $v a released version?"
    curl -fsSL --retry 3 -o "$tmp/SHA256SUMS" "$base/SHA256SUMS" \
      || fail "could not download $base/SHA256SUMS"
    grep -E "^[0-9a-f]{64}  kept-$v\.tar\.gz\$" "$tmp/SHA256SUMS" > "$tmp/sum" \
      || fail "SHA256SUMS of $v has no line for kept-$v.tar.gz"
    (cd "$tmp" && sha256 -c sum >/dev/null) \
      || fail "kept-$v.tar.gz does not match its SHA-256 in SHA256SUMS"
    mkdir "$tmp/unpacked"
    tar -xzf "$tmp/kept-$v.tar.gz" -C "$tmp/unpacked"
    [ -x "$tmp/unpacked/kept-$v/bin/kept" ] || fail "kept-$v.tar.gz has no kept-$v/bin/kept"
    rm -rf "$dir"
    mv "$tmp/unpacked/kept-$v" "$dir"
    code=
  fi
  local said
  said="$("$dir/bin/kept" --version)"
  [ "$said" = "kept $v" ] || { code=1; fail "the installed Kept says '$said', not 'kept $v'"; }
  if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$dir/bin" >> "$GITHUB_PATH"
  fi
}

run() {
  local v home kept command charter out
  inputs
  kept="$home/kept-$v/bin/kept"
  [ -x "$kept" ] || fail "Kept $v is not installed in $home: run '$0 fetch' first"
  command="${KEPT_COMMAND:-}"
  if [ -z "$command" ]; then
    case "${GITHUB_EVENT_NAME:-}" in
      pull_request|pull_request_target) command=check ;;
      *) command=build ;;
    esac
  fi
  charter="${KEPT_CHARTER:-charter}"
  out="${KEPT_OUT:-site}"
  # Extra arguments, split on blanks (e.g. --strict).
  local -a extra=()
  read -r -a extra <<< "${KEPT_ARGS:-}" || true
  case "$command" in
    check)
      exec "$kept" check --charter "$charter" --format github ${extra[@]+"${extra[@]}"}
      ;;
    build)
      # The build date is the commit's, when there is one, so the same commit builds the same bytes.
      if [ -z "${SOURCE_DATE_EPOCH:-}" ] && commit_time="$(git log -1 --format=%ct 2>/dev/null)"; then
        export SOURCE_DATE_EPOCH="$commit_time"
      fi
      exec "$kept" build --charter "$charter" --out "$out" ${extra[@]+"${extra[@]}"}
      ;;
    *)
      fail "input 'command' is '$command': it must be check or build"
      ;;
  esac
}

case "${1:-}" in
  fetch) fetch ;;
  run) run ;;
  *) echo "usage: $0 fetch|run" >&2; exit 2 ;;
esac
