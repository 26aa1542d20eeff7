#!/bin/sh
# Install what tests/e2e needs: OpenSSH (server and client) and tmux.
# Idempotent and quiet: does nothing when every tool is already there.
set -eu

missing=""
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v ssh >/dev/null 2>&1 || missing="$missing openssh-client"
command -v ssh-keygen >/dev/null 2>&1 || missing="$missing openssh-client"
[ -x /usr/sbin/sshd ] || missing="$missing openssh-server"

if [ -z "$missing" ]; then
    exit 0
fi

# One line of news, then apt stays quiet unless it fails.
echo "e2e-deps: installing$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends $(echo "$missing" | tr ' ' '\n' | sort -u); } >"$log" 2>&1; then
    cat "$log" >&2
    echo "e2e-deps: apt-get failed" >&2
    exit 1
fi
