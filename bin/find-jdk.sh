#!/usr/bin/env bash
# Sourced by ./rewrite and ./test: exports JAVA_HOME pointing at a JDK >= 21, or explains what to install.
# Order: $JAVA_HOME, then `java` on the PATH, then the usual install folders (newest first).
_jdk_major() { # prints the major version of the JDK at $1 (a JAVA_HOME), or nothing
  local rel="$1/release"
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
  fi
}
_jdk_ok() { local m; m=$(_jdk_major "$1"); [ -n "$m" ] && [ "$m" -ge 21 ]; }
_found=""
if [ -n "${JAVA_HOME:-}" ] && _jdk_ok "$JAVA_HOME"; then _found="$JAVA_HOME"; fi
if [ -z "$_found" ] && command -v java >/dev/null 2>&1; then
  _cand=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  if _jdk_ok "$_cand"; then _found="$_cand"; fi
fi
if [ -z "$_found" ]; then
  for _cand in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* "$HOME"/.sdkman/candidates/java/* 2>/dev/null | sort -rV); do
    if _jdk_ok "$_cand"; then _found="$_cand"; break; fi
  done
fi
if [ -z "$_found" ]; then
  echo "error: no JDK 21 or newer found (looked at \$JAVA_HOME, java on the PATH, /usr/lib/jvm, /opt/java)." >&2
  echo "Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or export JAVA_HOME=/path/to/jdk-21+." >&2
  exit 1
fi
export JAVA_HOME="$_found"
export PATH="$JAVA_HOME/bin:$PATH"
