#!/bin/sh
# Records the plugin API of this checkout as released version $1 (for example 0.1.0): builds
# platform/api, sets the version inside the jar to the release's, and writes
# platform/api/baseline/rokhsa-plugin-api-$1.jar — the baseline japicmp compares every later build
# with (see README.md beside this script). Installs nothing.
set -eu
VERSION=${1:?usage: platform/api/baseline/record.sh <release version, e.g. 0.1.0>}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$ROOT"
./mvnw -B -ntp -o -q package -pl platform/api -DskipTests -Djapicmp.skip=true
JAR=$(ls platform/api/target/rokhsa-plugin-api-*.jar | grep -v -- '-sources\|-javadoc' | head -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$JAR" "$WORK/api.jar"
mkdir -p "$WORK/ma/rokhsa/plugin/api"
printf '# The version of this API artifact, which plugins name in Plugin-Requires.\nversion=%s\n' \
  "$VERSION" > "$WORK/ma/rokhsa/plugin/api/api-version.properties"
(cd "$WORK" && touch -d 2026-11-29T00:00:00Z ma/rokhsa/plugin/api/api-version.properties \
  && zip -q -X api.jar ma/rokhsa/plugin/api/api-version.properties)
cp "$WORK/api.jar" "platform/api/baseline/rokhsa-plugin-api-$VERSION.jar"
echo "Recorded platform/api/baseline/rokhsa-plugin-api-$VERSION.jar from $JAR"
