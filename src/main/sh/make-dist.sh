#!/usr/bin/env bash
# Build step (mvn package, after make-launcher.sh): the downloads for people without a JDK or
# Maven.
#   target/shipcheck-VERSION-linux-x64.tar.gz  bin/shipcheck, lib/shipcheck.jar, a Java runtime
#   (-linux-aarch64 when built on ARM)          trimmed by jlink to the modules shipcheck needs,
#                                               the class list its launcher makes its
#                                               class-data archive from on the first run, and
#                                               the glibc version the runtime needs
#                                               (runtime/shipcheck-glibc)
#   target/shipcheck-VERSION.zip                bin/shipcheck, lib/shipcheck.jar and the class list,
#                                               for any system with Java 17 or newer (the launcher
#                                               makes the archive for that Java on the first run)
#   target/shipcheck-VERSION.sha256              the SHA-256 of each of the two, in the format of
#                                               `sha256sum -c` (a download can be checked before
#                                               it is unpacked and run)
# Without jlink (a JRE-only machine) the tarball is skipped with one line; the zip is always made.
set -euo pipefail
target="$1"
base="$2"
version="$3"
name="shipcheck-$version"
# The runtime is the build machine's: named after its system and processor as Java's own downloads
# are (linux-x64, linux-aarch64), so an ARM build is never handed out as an x86-64 one
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) arch="$(uname -m)" ;;
esac
os="$(uname -s | tr '[:upper:]' '[:lower:]')"
tarball="$name-$os-$arch.tar.gz"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink_bin="$java_home/bin/jlink"
[ -x "$jlink_bin" ] || jlink_bin="$(command -v jlink || true)"

# The modules the jar needs, found once with `jdeps --print-module-deps --ignore-missing-deps` on
# the shaded jar and kept here, since jdeps on 200 shaded libraries takes longer than the build:
# java.desktop for java.beans (MVEL and Jackson introspect with it), java.compiler and
# java.scripting for Drools' compiler, jdk.unsupported for sun.misc.Unsafe (Drools, MVEL),
# jdk.crypto.ec for Ed25519 (signed rule packs), jdk.zipfs for packs read from zip files,
# jdk.localedata and jdk.charsets for messages and file names outside English and UTF-8.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.zipfs

work="$target/dist"
rm -rf "$work"
mkdir -p "$work/$name/bin" "$work/$name/lib"
install -m 0755 "$base/src/main/sh/shipcheck" "$work/$name/bin/shipcheck"
cp "$target/shipcheck.jar" "$work/$name/lib/shipcheck.jar"
cp "$base/README.md" "$work/$name/README.md"
cp -r "$base/docs" "$work/$name/docs" # the README links to them

rm -f "$target/$name.zip" "$target/$name"-*.tar.gz # never one left from an older build
if [ -n "$jlink_bin" ] && [ -x "$jlink_bin" ]; then
  # --generate-cds-archive: the runtime's base archive, which a dynamic archive builds on
  "$jlink_bin" --add-modules "$modules" --output "$work/$name/runtime" --strip-debug --no-man-pages \
    --no-header-files --compress=2 --generate-cds-archive > /dev/null
  # The newest glibc symbol version the runtime's programs and libraries ask for (GLIBC_2.34 for
  # Debian 12's JDK): its java cannot start on an older glibc, and the launcher then runs on the
  # system's Java instead, or says why it cannot. The version names are plain text in each ELF
  # file's dynamic string table. None found (a JDK built for musl): no file, the runtime is tried.
  glibc="$(find "$work/$name/runtime" -type f \( -name '*.so' -o -perm -u+x \) -exec grep -aoh 'GLIBC_2\.[0-9]*' {} + |
    sed 's/^GLIBC_//' | sort -t . -k 2,2n -u | tail -n 1 || true)"
  [ -z "$glibc" ] || printf '%s\n' "$glibc" > "$work/$name/runtime/shipcheck-glibc"
else
  echo "make-dist: no jlink beside this Java: $tarball not built (the zip is)" >&2
fi
# The class list, not an archive: JDK 17 binds a static archive to the jar's absolute path, here
# target/dist/..., and ignores it anywhere else; the launcher dumps the archive from this list
# where the download is unpacked, on its first run. Recorded through that launcher, so with the
# runtime (or, without jlink, the Java of this build) and the flags that will use it.
bash "$base/src/main/sh/record-cds.sh" "$work/$name/bin/shipcheck" "$work/$name/lib/shipcheck.classlist" "$base"
if command -v zip > /dev/null; then
  # zip keeps the launcher's executable bit
  (cd "$work" && zip -q -r "../$name.zip" "$name" -x "$name/runtime/*")
else
  # the JDK's jar tool stores no permissions: after unzipping, run `chmod +x bin/shipcheck`
  (cd "$work" && mkdir zip && cp -r "$name" zip/ && rm -rf "zip/$name/runtime" &&
    "$java_home/bin/jar" --create --file "../$name.zip" --no-manifest -C zip "$name")
fi
if [ -d "$work/$name/runtime" ]; then
  tar -C "$work" -czf "$target/$tarball" "$name"
fi
rm -rf "$work"
rm -f "$target/$name.sha256"
sums=("$name.zip")
[ ! -f "$target/$tarball" ] || sums+=("$tarball")
if command -v sha256sum > /dev/null; then
  (cd "$target" && sha256sum "${sums[@]}" > "$name.sha256.tmp" && mv "$name.sha256.tmp" "$name.sha256")
elif command -v shasum > /dev/null; then
  (cd "$target" && shasum -a 256 "${sums[@]}" > "$name.sha256.tmp" && mv "$name.sha256.tmp" "$name.sha256")
else
  echo "make-dist: neither sha256sum nor shasum here: $name.sha256 not written" >&2
fi
