#!/bin/sh
# Prints the fingerprint of a packaged service and the JVM that runs it: the name, size and
# modification time of every file of QUARKUS_APP_DIR but the cache itself, and the `release` file of
# the JDK or JRE of `java` on PATH. It is what an AOT cache depends on (the JVM itself checks the
# class path's sizes and times and its own build), written by ops/aot/train.sh next to the cache and
# compared by ops/aot/start.sh, so that a cache left from another build or JVM is never used.
#   ops/aot/fingerprint.sh QUARKUS_APP_DIR
set -eu
app=$1
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
{
  cat "$java_home/release" 2>/dev/null || java -version 2>&1
  cd "$app" && find . -type f ! -name 'app.aot*' -exec stat -c '%n %s %Y' {} + | LC_ALL=C sort
} | cksum
