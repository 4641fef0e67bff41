#!/usr/bin/env bash
# Acceptance test: Claude Code in print mode talks to the proxy, which forwards to the loopback fake
# Anthropic API and records the calls in its H2 database. Everything listens on 127.0.0.1.
# Exits 0 when every check passes and 1 when one fails. acceptance/README.md describes the checks.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ACCEPTANCE="$ROOT/acceptance"
CLAUDE_CODE_VERSION="2.1.332"
CLAUDE="$ACCEPTANCE/node_modules/.bin/claude"
CLAUDE_TIMEOUT_SECONDS="${CLAUDE_TIMEOUT_SECONDS:-120}"
# The fake exits on its own after this many seconds, in case the EXIT trap never runs.
FAKE_MAX_SECONDS=900
# The storage writer inserts rows in the background, so the checks wait this long for them.
ROW_WAIT_SECONDS=30
# Stand-in for the team's Anthropic key, which reaches only the fake.
UPSTREAM_API_KEY="sk-ant-api03-acceptance-fake-key"

WORK="$(mktemp -d /tmp/nexus-acceptance.XXXXXX)"
NEXUS_HOME_DIR="$WORK/home"
CLAUDE_HOME="$WORK/claude-home"
mkdir -p "$NEXUS_HOME_DIR" "$CLAUDE_HOME"
FAKE_PID=""
FAILURES=0

log() { echo "== $*"; }

fail() {
  echo "FAIL: $*" >&2
  FAILURES=$((FAILURES + 1))
}

pass() { echo "ok:   $*"; }

# Runs bin/nexus from the work directory, which has no .env file, without the caller's database,
# port, host and client-auth settings.
nexus() {
  (cd "$WORK" && env -u DATABASE_URL -u DATABASE_JDBC_URL -u DATABASE_USER -u DATABASE_PASSWORD \
    -u PORT -u HOST -u STORAGE_ENABLED -u ENABLE_CLIENT_AUTH \
    NEXUS_HOME="$NEXUS_HOME_DIR" CREDENTIALS_DIR="$WORK/credentials" \
    PROXY_PORT="${PROXY_PORT:-}" CLAUDE_API_BASE_URL="http://127.0.0.1:${FAKE_PORT:-}" \
    "$ROOT/bin/nexus" "$@")
}

cleanup() {
  local status=$?
  set +e
  if [[ -n "${PROXY_PORT:-}" && -f "$NEXUS_HOME_DIR/run/proxy.pid" ]]; then
    local proxy_pid; proxy_pid="$(cat "$NEXUS_HOME_DIR/run/proxy.pid")"
    log "Stopping the proxy (pid $proxy_pid)"
    nexus stop >/dev/null
    kill -0 "$proxy_pid" 2>/dev/null && kill -9 "$proxy_pid"
  fi
  if [[ -n "$FAKE_PID" ]] && kill -0 "$FAKE_PID" 2>/dev/null; then
    log "Stopping the fake Anthropic API (pid $FAKE_PID)"
    kill "$FAKE_PID"
    wait "$FAKE_PID" 2>/dev/null
  fi
  if (( status == 0 )) && [[ -z "${KEEP_WORK:-}" ]]; then
    rm -rf "$WORK"
  else
    echo "Logs and data are kept in $WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Prints a TCP port on 127.0.0.1 that nothing listens on, trying at most 50 random ports.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "No free port found on 127.0.0.1 after 50 tries" >&2
  return 1
}

install_claude_code() {
  local installed=""
  if [[ -f "$ACCEPTANCE/node_modules/@anthropic-ai/claude-code/package.json" ]]; then
    installed="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
      "$ACCEPTANCE/node_modules/@anthropic-ai/claude-code/package.json" | head -n 1)"
  fi
  if [[ "$installed" == "$CLAUDE_CODE_VERSION" && -x "$CLAUDE" ]]; then
    log "Claude Code $CLAUDE_CODE_VERSION is installed in acceptance/node_modules"
    return 0
  fi
  log "Installing Claude Code $CLAUDE_CODE_VERSION into acceptance/node_modules"
  npm install --prefix "$ACCEPTANCE" --no-audit --no-fund --no-save \
    "@anthropic-ai/claude-code@$CLAUDE_CODE_VERSION"
}

start_fake() {
  log "Building the modules (mvn -q -o install -DskipTests)"
  (cd "$ROOT" && mvn -q -o install -DskipTests)
  java -cp "$ROOT/test-support/target/classes" dev.claudenexus.testsupport.anthropic.FakeAnthropicMain \
    "$WORK/fake.port" "$FAKE_MAX_SECONDS" > "$WORK/fake.log" 2>&1 &
  FAKE_PID=$!
  for _ in $(seq 1 100); do
    [[ -s "$WORK/fake.port" ]] && break
    if ! kill -0 "$FAKE_PID" 2>/dev/null; then
      cat "$WORK/fake.log" >&2
      echo "The fake stopped during start-up" >&2
      exit 1
    fi
    sleep 0.1
  done
  [[ -s "$WORK/fake.port" ]] || { echo "The fake wrote no port file within 10 s" >&2; exit 1; }
  FAKE_PORT="$(cat "$WORK/fake.port")"
  log "Fake Anthropic API (pid $FAKE_PID) listens on http://127.0.0.1:$FAKE_PORT"
}

start_proxy() {
  PROXY_PORT="$(free_port)"
  local output
  output="$(nexus credentials add --domain "127.0.0.1:$PROXY_PORT" --api-key "$UPSTREAM_API_KEY" \
    --account-id acceptance)"
  CLIENT_KEY="$(tail -n 1 <<<"$output")"
  if [[ "$CLIENT_KEY" != cnp_live_* ]]; then
    echo "bin/nexus credentials add printed no client key: $output" >&2
    exit 1
  fi
  nexus start
}

run_claude_code() {
  log "Running: claude -p \"say hi\" (timeout ${CLAUDE_TIMEOUT_SECONDS}s)"
  local status=0
  # env -i keeps the caller's ANTHROPIC_* and cloud-provider settings away from Claude Code. The four
  # opt-out variables turn off its telemetry, error reports, auto-updater and other optional traffic.
  (cd "$WORK" && env -i \
    PATH="$PATH" \
    HOME="$CLAUDE_HOME" \
    TERM=dumb \
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 \
    DISABLE_TELEMETRY=1 \
    DISABLE_AUTOUPDATER=1 \
    DISABLE_ERROR_REPORTING=1 \
    ANTHROPIC_BASE_URL="http://127.0.0.1:$PROXY_PORT" \
    ANTHROPIC_API_KEY="$CLIENT_KEY" \
    timeout "$CLAUDE_TIMEOUT_SECONDS" "$CLAUDE" -p "say hi" \
    < /dev/null > "$WORK/claude.out" 2> "$WORK/claude.err") || status=$?

  echo "--- Claude Code output (exit $status)"
  cat "$WORK/claude.out"
  [[ -s "$WORK/claude.err" ]] && { echo "--- Claude Code errors"; cat "$WORK/claude.err"; }
  echo "---"

  if (( status == 0 )); then pass "claude exited 0"; else fail "claude exited $status"; fi
  if grep -q "Hello" "$WORK/claude.out"; then
    pass "claude printed the fake's text \"Hello\""
  else
    fail "claude did not print \"Hello\""
  fi
}

h2_sql() {
  local h2_version h2_jar
  h2_version="$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' "$ROOT/pom.xml")"
  h2_jar="${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/$h2_version/h2-$h2_version.jar}"
  java -cp "$h2_jar" org.h2.tools.Shell \
    -url "jdbc:h2:file:$NEXUS_HOME_DIR/data/nexus;AUTO_SERVER=TRUE;DB_CLOSE_DELAY=-1" \
    -user nexus -password nexus -sql "$1"
}

check_rows() {
  local inference="SELECT COUNT(*) FROM api_requests WHERE path = '/v1/messages'
    AND request_type = 'inference' AND response_status = 200 AND output_tokens > 0"
  local count=0
  for _ in $(seq 1 "$ROW_WAIT_SECONDS"); do
    count="$(h2_sql "$inference" | sed -n '2p' | tr -dc '0-9')"
    (( ${count:-0} > 0 )) && break
    sleep 1
  done

  log "Stored requests"
  h2_sql "SELECT method, path, query_string, request_type, response_status, response_streaming,
      input_tokens, output_tokens, outcome, model FROM api_requests ORDER BY timestamp"

  if (( ${count:-0} > 0 )); then
    pass "$count row(s) with path /v1/messages, request_type inference, status 200, output tokens > 0"
  else
    fail "no row with path /v1/messages, request_type inference, status 200 and output tokens > 0"
  fi

  # When Claude Code sent ?beta=true, a stored row must keep it as its query string.
  if grep -q "POST /v1/messages?beta=true " "$WORK/fake.log"; then
    local beta
    beta="$(h2_sql "SELECT COUNT(*) FROM api_requests WHERE path = '/v1/messages'
      AND query_string = 'beta=true'" | sed -n '2p' | tr -dc '0-9')"
    if (( ${beta:-0} > 0 )); then
      pass "Claude Code sent ?beta=true and $beta row(s) store query_string beta=true"
    else
      fail "Claude Code sent ?beta=true but no row stores query_string beta=true"
    fi
  else
    echo "note: Claude Code sent no ?beta=true query string on /v1/messages"
  fi
}

summarize_fake() {
  log "Requests the fake Anthropic API received"
  grep '^request #' "$WORK/fake.log" || echo "(none)"
}

install_claude_code
start_fake
start_proxy
run_claude_code
summarize_fake
check_rows

if (( FAILURES > 0 )); then
  echo "$FAILURES check(s) failed"
  exit 1
fi
echo "All checks passed"
