package build

// trapCode starts every run script. Like BitBake's run scripts it stops at the first failing
// command (set -e) and, through an exit trap, reports the failure in the task log: under bash
// with the failing script line and the function call stack, under other shells with the exit
// code alone. The script line lets the caller map the failure back to the metadata file and
// line recorded in the "# line: N, file: F" comments that precede each emitted function.
const trapCode = `#!/bin/sh

gobake_exit() {
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "WARNING: exit code $status from a shell command."
    fi
    exit $status
}

gobake_bash_exit() {
    status=$?
    { set +x; } 2>/dev/null
    trap - DEBUG
    if [ "$status" -ne 0 ]; then
        echo "WARNING: ${BASH_SOURCE[0]}:${GOBAKE_LINE:-0} exit $status from '$1'"
        echo "WARNING: Backtrace (BB generated script): "
        n=1
        while [ "$n" -lt "${#FUNCNAME[@]}" ]; do
            if [ "$n" -eq 1 ]; then at=${GOBAKE_LINE:-0}; else at=${BASH_LINENO[$((n-1))]}; fi
            printf '\t#%d: %s, %s, line %s\n' "$n" "${FUNCNAME[$n]}" "${BASH_SOURCE[$((n-1))]}" "$at"
            n=$((n+1))
        done
    fi
    exit $status
}

if [ -n "${BASH_VERSION:-}" ]; then
    trap 'gobake_bash_exit "$BASH_COMMAND"' 0
    trap '{ [ "${FUNCNAME[1]:-}" = gobake_bash_exit ] || GOBAKE_LINE=${LINENO}; } 2>/dev/null' DEBUG
    shopt -s extdebug
else
    trap gobake_exit 0
fi
set -e
`
