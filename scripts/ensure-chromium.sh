#!/usr/bin/env bash
# Browser tests drive Debian's chromium (never a downloaded browser). Install it when
# missing and we are allowed to (root); otherwise the browser tests skip with a reason.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; browser tests will be skipped" >&2
else
  echo "note: /usr/bin/chromium missing and not root; browser tests will be skipped" >&2
fi
exit 0
