# Sourced by the scripts: `step "name"` starts a named step; when the script exits, every step
# is listed with the time it took (what the fresh-machine rehearsal reports), and a failure
# names the step it happened in.
_steps_names=()
_steps_secs=()
_steps_t0=
_steps_current=
_steps_script_t0=$(date +%s)

_steps_close() {
  if [ -n "$_steps_current" ]; then
    _steps_names+=("$_steps_current")
    _steps_secs+=($(($(date +%s) - _steps_t0)))
    _steps_current=
  fi
}

step() {
  _steps_close
  _steps_current="$*"
  _steps_t0=$(date +%s)
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}

_steps_summary() {
  local rc=$? failed="$_steps_current" i
  _steps_close
  [ ${#_steps_names[@]} -eq 0 ] && return $rc
  printf '\n%s: time per step\n' "${STEPS_TITLE:-$(basename "$0")}"
  for i in "${!_steps_names[@]}"; do
    printf '  %5ss  %s\n' "${_steps_secs[$i]}" "${_steps_names[$i]}"
  done
  printf '  %5ss  total\n' $(($(date +%s) - _steps_script_t0))
  if [ $rc -ne 0 ] && [ -n "$failed" ]; then
    printf '\033[1mFAILED in step: %s (exit %s)\033[0m\n' "$failed" "$rc" >&2
  fi
  return $rc
}
trap _steps_summary EXIT
