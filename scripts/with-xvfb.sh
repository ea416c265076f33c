#!/usr/bin/env bash
# Runs a command with a virtual display (Xvfb) and its own D-Bus session, unless a display is
# already there. The display is stopped afterwards, whatever the command's outcome.
set -euo pipefail
if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then exec "$@"; fi
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1366x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY="$display"
# WebKit wants a session bus; a private one keeps tests away from the host's.
dbus-run-session -- "$@"
