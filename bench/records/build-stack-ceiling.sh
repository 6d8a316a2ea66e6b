#!/usr/bin/env bash
# Compiles StackCeiling.java against the libraries Renkei's own jar carries (its Tomcat, Hikari and PostgreSQL
# driver, so that the ceiling measures the very versions the server runs on).
# Usage: bench/records/build-stack-ceiling.sh JAR DIRECTORY   → DIRECTORY/classes and DIRECTORY/BOOT-INF/lib
set -euo pipefail
JAR=$(realpath "$1"); OUT=$2
SOURCE=$(realpath "$(dirname "$0")/StackCeiling.java")
rm -rf "$OUT"; mkdir -p "$OUT/classes"
LIBS=$(jar tf "$JAR" | grep -E '^BOOT-INF/lib/(tomcat-embed-core|jakarta.annotation-api|HikariCP|postgresql|slf4j-api)-[0-9.]+\.jar$')
( cd "$OUT" && jar xf "$JAR" $LIBS )
javac -nowarn -d "$OUT/classes" -cp "$OUT/BOOT-INF/lib/*" "$SOURCE"
