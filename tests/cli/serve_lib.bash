# serve_lib.bash - helpers for the tests of `corroborate serve` (sourced after lib.bash):
# start the server on a free loopback port with the test database, and stop it with SIGTERM.
SERVE_PID=""; PORT=""; BASE=""
# serve_start [options...]: starts `corroborate serve --port 0`, waits for its
# "listening on" line, sets SERVE_PID, PORT and BASE. Returns 1 if it did not start.
serve_start() {
  : >"$TMP/serve.log"
  "$CB" serve --port 0 "$@" 2>"$TMP/serve.log" &
  SERVE_PID=$!
  for _ in $(seq 1 100); do
    PORT=$(grep -o 'listening on http://[^ ]*:[0-9]*/' "$TMP/serve.log" | grep -o '[0-9]*/$' | tr -d /)
    [ -n "$PORT" ] && break
    kill -0 "$SERVE_PID" 2>/dev/null || return 1
    sleep 0.1
  done
  [ -n "$PORT" ] || return 1
  BASE="http://127.0.0.1:$PORT"
}
# serve_stop: SIGTERM, then waits; SERVE_RC gets the exit code (call it in this shell).
SERVE_RC=""
serve_stop() {
  [ -n "$SERVE_PID" ] || { SERVE_RC=none; return; }
  kill -TERM "$SERVE_PID" 2>/dev/null
  SERVE_RC=0
  wait "$SERVE_PID" || SERVE_RC=$?
  SERVE_PID=""
}
serve_cleanup() { [ -n "$SERVE_PID" ] && kill -KILL "$SERVE_PID" 2>/dev/null; true; }
