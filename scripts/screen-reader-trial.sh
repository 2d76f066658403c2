#!/bin/bash
# The screen-reader trial of the reader site: Orca (GNOME's screen reader, Debian's package) reading
# reader pages in Chromium the way a blind reader meets them, with what Orca says written to a file.
#   scripts/screen-reader-trial.sh <site address> <out dir> <path>…
#   e.g. scripts/screen-reader-trial.sh http://127.0.0.1:3000 .bench/orca / /articles/ke-cheng-duo-xia-da-yu-ding
#
# Each page is opened in a fresh Chromium window with accessibility on; Orca announces the page and reads
# it from the top (its "say all" on load), and the trial keeps what Orca *said*: the 'SPEECH OUTPUT' lines
# of its debug log, one file per page (<out dir>/<n>.txt), in reading order. There is no sound card here:
# speech-dispatcher has no audio, but Orca writes every utterance to the log before it is voiced, so the
# log is what a reader would have heard (role words in Orca's Chinese: LANGUAGE=zh_CN).
#
# Needs: chromium, Xvfb, dbus-daemon, at-spi2-core, orca (Debian: apt-get install orca xvfb). Where they are
# not installed, SR_ROOT names a directory holding the unpacked .deb files (apt-get download orca
# speech-dispatcher espeak-ng xvfb and their dependencies, then dpkg -x each into SR_ROOT): the script then
# runs as root in a private mount namespace with SR_ROOT/usr laid over /usr, so nothing is installed on the
# machine (Xvfb looks for xkbcomp under /usr/bin only).
# SR_SECONDS (default 25): how long each page is given to be read.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "用法：$0 <站点地址> <输出目录> <路径>…" >&2
  exit 2
fi

if [ -n "${SR_ROOT:-}" ] && [ -z "${SR_INSIDE:-}" ]; then
  # Into a private mount namespace with the unpacked packages over /usr (undone when the namespace ends).
  exec unshare -m env SR_INSIDE=1 bash -c \
    'mount -t overlay overlay -o "lowerdir=$SR_ROOT/usr:/usr" /usr && exec bash "$0" "$@"' "$0" "$@"
fi

SITE=$1
OUT=$(realpath -m "$2")
shift 2
SECONDS_PER_PAGE=${SR_SECONDS:-25}
WORK=$(mktemp -d /tmp/screen-reader-trial.XXXXXX)
DISPLAY_NUMBER=${SR_DISPLAY:-93}
mkdir -p "$OUT"

export HOME=$WORK/home XDG_RUNTIME_DIR=$WORK/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# Orca's messages and role words in Chinese (Python's gettext reads LANGUAGE; no zh_CN locale needed).
export LANG=C.UTF-8 LANGUAGE=zh_CN GTK_MODULES=gail:atk-bridge

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=":$DISPLAY_NUMBER"
sleep 2
# A session bus of our own; the accessibility bus is started on it and ended with it.
eval "$(dbus-daemon --session --fork --print-address=1 --print-pid=1 | {
  read -r address
  read -r pid
  echo "export DBUS_SESSION_BUS_ADDRESS='$address' DBUS_SESSION_BUS_PID=$pid"
})"
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$WORK/atspi.log" 2>&1 &
pids+=($!)
sleep 2
orca --replace --debug-file="$WORK/orca.log" >"$WORK/orca.out" 2>&1 &
pids+=($!)
sleep 5

number=0
for page in "$@"; do
  number=$((number + 1))
  start=$(wc -l <"$WORK/orca.log")
  # Chromium's offer to translate the (Chinese) page would be read out first: switched off.
  mkdir -p "$WORK/chrome-$number/Default"
  echo '{"translate":{"enabled":false}}' >"$WORK/chrome-$number/Default/Preferences"
  chromium --no-sandbox --force-renderer-accessibility --disable-gpu --no-first-run \
    --lang=zh-CN --user-data-dir="$WORK/chrome-$number" --window-size=1200,850 \
    "$SITE$page" >"$WORK/chrome-$number.log" 2>&1 &
  browser=$!
  sleep "$SECONDS_PER_PAGE"
  kill "$browser" 2>/dev/null || true
  wait "$browser" 2>/dev/null || true
  {
    echo "# $SITE$page — what Orca said, in order"
    tail -n +"$((start + 1))" "$WORK/orca.log" | grep -a 'SPEECH OUTPUT:' |
      sed -E "s/^[0-9:.]+ - SPEECH OUTPUT: '(.*)'(\{.*\})?$/\1/"
  } >"$OUT/$number.txt"
  echo "$page: $(($(wc -l <"$OUT/$number.txt") - 1)) utterances → $OUT/$number.txt"
  sleep 1
done
