#!/usr/bin/env bash
# Builds the release `bootstrap` for AWS Lambda (`provided.al2023`), strips it, checks it and zips it at the root of
# lambda.zip. Prints the unstripped, stripped and zip sizes.
#
# Usage: scripts/package-lambda.sh --arch arm64|x86_64 [--output PATH] [--route auto|sdk|static|docker] [--dynamic]
#                                  [--scratch-path PATH]
#
# Routes, tried in this order by `--route auto` (the default):
#   1. sdk     The Swift Static Linux SDK, when `swift sdk list` shows one: `swift build --swift-sdk
#              aarch64-swift-linux-musl` (or x86_64-swift-linux-musl). Fully static (musl), any host arch. Built
#              without the package's `Jemalloc` trait (musl's allocator), since the SDK has no jemalloc; set
#              PHONEY_SDK_JEMALLOC=1 when pkg-config finds a musl build of jemalloc for the target.
#   2. static  When the target arch is the host's: `-Xswiftc -static-executable` against glibc. Fully static, so the
#              host's glibc version does not matter. jemalloc comes in from Debian's libjemalloc.a.
#   3. docker  When a Docker ENGINE answers (`docker info` succeeds, not just a client on PATH): the build stage of
#              ./Dockerfile (route 2 inside a Debian Swift image) for linux/<arch>; a foreign arch needs QEMU binfmt.
#   Otherwise, for a foreign arch, it stops and says what is missing.
#
# `--dynamic` (same as `--route dynamic`) builds the host arch with `--static-swift-stdlib` only, so glibc stays
# dynamic. That is useful for local runs under the Runtime Interface Emulator, but on Debian 12 the binary needs
# GLIBC_2.35 and provided.al2023 has 2.34: the check below then refuses to write a zip (and removes an earlier one at
# the output path) and exits 3, leaving the stripped binary under the scratch path. The same check guards every route: no zip is ever written for a binary
# that needs a GLIBC symbol version above 2.34, or a shared libjemalloc that the runtime does not ship.
#
# Every route also refuses (no zip written, an earlier one at the output path removed, exit 1) a binary that carries
# Foundation or FoundationInternationalization (FoundationEssentials is fine) or ICU's data: the symbols of the
# unstripped binary and the module names and ICU data names left in the stripped one are checked. That is 40 MB of
# ICU data and code the function never runs. Once zipped, the size is printed against the target of 8 MB.
#
# Exit codes: 0 zip written and deployable; 1 build or check failed; 2 usage, or no route for this arch here;
# 3 built but not deployable on provided.al2023.
set -euo pipefail

readonly max_glibc="2.34"
readonly zip_target_bytes=8000000
trap 'echo "package-lambda: failed at line $LINENO" >&2' ERR

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

die() {
    echo "package-lambda: $*" >&2
    exit 1
}

arch=""
output=""
route="auto"
scratch="${SWIFT_SCRATCH_PATH:-.build-lambda}"
while [ "$#" -gt 0 ]; do
    case "$1" in
        --arch) arch="${2:-}"; shift 2 ;;
        --arch=*) arch="${1#*=}"; shift ;;
        --output) output="${2:-}"; shift 2 ;;
        --output=*) output="${1#*=}"; shift ;;
        --route) route="${2:-}"; shift 2 ;;
        --route=*) route="${1#*=}"; shift ;;
        --dynamic) route="dynamic"; shift ;;
        --scratch-path) scratch="${2:-}"; shift 2 ;;
        --scratch-path=*) scratch="${1#*=}"; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "package-lambda: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

case "$arch" in
    arm64 | aarch64) arch="arm64"; triple_arch="aarch64"; docker_platform="linux/arm64"; elf_machine="AArch64" ;;
    x86_64 | amd64) arch="x86_64"; triple_arch="x86_64"; docker_platform="linux/amd64"; elf_machine="X86-64" ;;
    "") echo "package-lambda: --arch arm64|x86_64 is required" >&2; exit 2 ;;
    *) echo "package-lambda: unsupported --arch '$arch' (arm64 or x86_64)" >&2; exit 2 ;;
esac
case "$route" in
    auto | sdk | static | docker | dynamic) ;;
    *) echo "package-lambda: unknown --route '$route' (auto, sdk, static, docker or dynamic)" >&2; exit 2 ;;
esac

case "$(uname -m)" in
    x86_64 | amd64) host_arch="x86_64" ;;
    aarch64 | arm64) host_arch="arm64" ;;
    *) host_arch="$(uname -m)" ;;
esac

invoked_from="$PWD"
cd "$(dirname "$0")/.."
repo="$PWD"
if [ -z "$output" ]; then
    output="$repo/lambda.zip"
elif [ "${output#/}" = "$output" ]; then
    output="$invoked_from/$output"
fi
if [ "${scratch#/}" = "$scratch" ]; then
    scratch="$repo/$scratch"
fi
sdk_triple="${triple_arch}-swift-linux-musl"
stage="$scratch/lambda-$arch"

human() {
    awk -v b="$1" 'BEGIN { printf "%d bytes (%.1f MiB)", b, b / 1048576 }'
}

has_static_linux_sdk() {
    command -v swift >/dev/null 2>&1 || return 1
    swift sdk list 2>/dev/null | grep -qi 'static-linux'
}

docker_engine_answers() {
    command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

explain_missing_route() {
    local swift_version
    swift_version="$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9][0-9.]*\).*/\1/p' | head -n 1)"
    cat >&2 <<EOF
package-lambda: cannot build a deployable $arch bootstrap on this $host_arch machine. Missing, any one of:
  - the Swift Static Linux SDK (none in 'swift sdk list'). Install the one matching this toolchain
    (Swift ${swift_version:-?}) from swift.org's "Static Linux SDK" install page:
        swift sdk install https://download.swift.org/swift-${swift_version:-X.Y.Z}-release/static-sdk/swift-${swift_version:-X.Y.Z}-RELEASE/swift-${swift_version:-X.Y.Z}-RELEASE_static-linux-0.0.1.artifactbundle.tar.gz --checksum <sha256 from that page>
    then run this script again (it builds with --swift-sdk $sdk_triple);
  - a Docker engine ('docker info' must succeed; a client alone is not enough), with QEMU binfmt for $docker_platform;
  - an $arch machine: run 'scripts/package-lambda.sh --arch $arch' on an $arch host or CI runner
    (for example GitHub's ubuntu-24.04-arm), where the static route needs no SDK.
EOF
    exit 2
}

pick_route() {
    if [ "$route" != "auto" ]; then
        echo "$route"
    elif has_static_linux_sdk; then
        echo "sdk"
    elif [ "$arch" = "$host_arch" ]; then
        echo "static"
    elif docker_engine_answers; then
        echo "docker"
    else
        echo "none"
    fi
}

# Builds with SwiftPM and copies the unstripped binary to $stage/bootstrap.unstripped.
#
# PHONEY_LAMBDA_ONLY=1 gives SwiftPM a package of only the targets the bootstrap links and the packages they use
# (Package.swift): with the HTTP server's packages in the graph, swift-nio-extras turns on swift-http-types' default
# trait FoundationURL, and that one `URL(string:)` made the static link take all of FoundationEssentials. The
# smaller graph resolves to the versions already pinned; Package.resolved is put back as it was afterwards, so the
# next full build finds its own pins unchanged.
swiftpm_build() {
    local flags=(-c release --product bootstrap --scratch-path "$scratch" "$@")
    local pins="$repo/Package.resolved" saved=""
    if [ -f "$pins" ]; then
        saved="$stage/Package.resolved.full"
        cp "$pins" "$saved"
    fi
    echo "package-lambda: PHONEY_LAMBDA_ONLY=1 swift build ${flags[*]}" >&2
    local status=0
    PHONEY_LAMBDA_ONLY=1 swift build "${flags[@]}" >&2 || status=$?
    local bin=""
    [ "$status" -eq 0 ] && bin="$(PHONEY_LAMBDA_ONLY=1 swift build "${flags[@]}" --show-bin-path)"
    if [ -n "$saved" ]; then cp "$saved" "$pins"; fi
    [ "$status" -eq 0 ] || die "swift build failed (exit $status)"
    cp "$bin/bootstrap" "$stage/bootstrap.unstripped"
}

docker_build() {
    local image="phoney-lambda-build:$arch" container
    echo "package-lambda: docker build --platform $docker_platform --target build" >&2
    docker build --platform "$docker_platform" --target build -t "$image" -f "$repo/Dockerfile" "$repo" >&2
    container="$(docker create --platform "$docker_platform" "$image")"
    docker cp "$container:/out/bootstrap.unstripped" "$stage/bootstrap.unstripped" >&2
    docker rm "$container" >/dev/null
}

strip_binary() {
    local tool=""
    if [ "$arch" = "$host_arch" ] && command -v strip >/dev/null 2>&1; then
        tool="strip"
    elif command -v llvm-strip >/dev/null 2>&1; then
        tool="llvm-strip"
    elif command -v "${triple_arch}-linux-gnu-strip" >/dev/null 2>&1; then
        tool="${triple_arch}-linux-gnu-strip"
    else
        die "no strip tool for $arch (install binutils or llvm)"
    fi
    "$tool" -o "$stage/bootstrap" "$stage/bootstrap.unstripped"
    chmod 0755 "$stage/bootstrap"
}

# Prints the highest GLIBC_x.y the binary needs, or nothing when it needs none.
highest_glibc() {
    local info
    info="$(readelf --version-info --wide "$1" 2>/dev/null || true)"
    { grep -o 'GLIBC_[0-9][0-9.]*' <<<"$info" || true; } | sed 's/^GLIBC_//' | sort -uV | tail -n 1
}

version_above() {
    [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$1" ]
}

ensure_zip_tool() {
    command -v zip >/dev/null 2>&1 && return 0
    if command -v apt-get >/dev/null 2>&1; then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "package-lambda: installing zip" >&2
        { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq zip >/dev/null; } ||
            echo "package-lambda: could not install zip; using python3's zipfile" >&2
    fi
    command -v zip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || die "neither zip nor python3 is available"
}

# Zips $stage/bootstrap as the only entry, `bootstrap` at the root, mode 0755, fixed timestamp (reproducible).
make_zip() {
    local tmp="$output.tmp.$$"
    rm -f "$tmp"
    mkdir -p "$(dirname "$output")"
    touch -t 198001010000 "$stage/bootstrap"
    if command -v zip >/dev/null 2>&1; then
        (cd "$stage" && zip -q -X -9 "$tmp" bootstrap)
    else
        python3 - "$stage/bootstrap" "$tmp" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
info = zipfile.ZipInfo("bootstrap", date_time=(1980, 1, 1, 0, 0, 0))
info.create_system = 3
info.external_attr = 0o100755 << 16
info.compress_type = zipfile.ZIP_DEFLATED
with open(source, "rb") as f, zipfile.ZipFile(target, "w") as z:
    z.writestr(info, f.read(), compresslevel=9)
PY
    fi
    # advzip (Debian's advancecomp) re-deflates the entry with a stronger encoder: still plain deflate, which Lambda
    # unpacks, 3.5 % smaller, and the same bytes for the same binary. Skipped with a note when it is missing.
    if command -v advzip >/dev/null 2>&1; then
        advzip -q -z -3 "$tmp" >&2
    else
        echo "package-lambda: advzip not found (apt-get install advancecomp); the zip is zip -9's" >&2
    fi
    mv -f "$tmp" "$output"
}

# Fails unless the zip holds exactly one entry, `bootstrap`, a regular file with mode 0755.
verify_zip() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$output" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    entries = z.infolist()
    names = [e.filename for e in entries]
    if names != ["bootstrap"]:
        sys.exit(f"package-lambda: zip must hold exactly 'bootstrap' at its root, holds {names}")
    mode = entries[0].external_attr >> 16
    if mode != 0o100755:
        sys.exit(f"package-lambda: bootstrap in the zip has mode {oct(mode)}, expected 0o100755")
PY
    else
        local names listing
        names="$(zipinfo -1 "$output")"
        [ "$names" = "bootstrap" ] || die "zip must hold exactly 'bootstrap' at its root, holds: $names"
        listing="$(zipinfo "$output")"
        grep -q '^-rwxr-xr-x .* bootstrap$' <<<"$listing" || die "bootstrap in the zip is not mode 0755: $listing"
    fi
}

chosen="$(pick_route)"
case "$chosen" in
    none) explain_missing_route ;;
    static | dynamic)
        [ "$arch" = "$host_arch" ] || {
            echo "package-lambda: route '$chosen' builds for the host ($host_arch) only, not $arch" >&2
            exit 2
        }
        ;;
    sdk) has_static_linux_sdk || { echo "package-lambda: no Static Linux SDK installed" >&2; explain_missing_route; } ;;
    docker) docker_engine_answers || { echo "package-lambda: no Docker engine answers" >&2; explain_missing_route; } ;;
esac

echo "package-lambda: arch $arch (host $host_arch), route $chosen" >&2
mkdir -p "$stage"
rm -f "$stage/bootstrap" "$stage/bootstrap.unstripped"
if [ "$chosen" = "static" ] || [ "$chosen" = "dynamic" ]; then
    pkg-config --exists jemalloc 2>/dev/null || die "jemalloc not found by pkg-config: run scripts/setup.sh"
fi
case "$chosen" in
    sdk)
        if [ "${PHONEY_SDK_JEMALLOC:-0}" = "1" ]; then
            swiftpm_build --swift-sdk "$sdk_triple"
        else
            swiftpm_build --swift-sdk "$sdk_triple" --disable-default-traits
        fi
        ;;
    static)
        # Code layout: every function in its own section, and the functions that init and requests run (the list in
        # deploy/lambda/text-order.txt, about 4,500 of them, 1.4 MB) laid out together. Scattered over the 20 MB of
        # .text they made 15-32 MB of the executable resident, because the kernel maps a whole page-cache folio (up to
        # 2 MB) or a 64 kB fault-around window around every page touched. lld puts the listed symbols first in .text,
        # in the list's order; a name it does not find (code changed since the list was made) is only not moved, and
        # code in the toolchain's unsplit `.text` sections (glibc, jemalloc, part of libswiftCore) stays where it is.
        # Regenerate the list with scripts/lambda-text-order.py. The file's name carries a hash of the list, so a new
        # list changes the link command and SwiftPM relinks.
        #
        # Size (docs/decisions/0003-lambda-binary-code-layout.md): lld (the toolchain's) in place of gold, for
        #   --icf=all       one copy of functions whose code and relocations are the same (generic specializations,
        #                   thunks), 1 MB of .text. Only code is folded, never data (no --ignore-data-address-equality).
        #   no-unwind-tables.ld, --no-eh-frame-hdr
        #                   no .eh_frame/.eh_frame_hdr, 3.3 MB: the tables a C++ exception or a DWARF unwinder reads. No
        #                   code in the binary unwinds (Swift errors are return values, the C++ runtime is built
        #                   without exceptions; libgcc's unwinder, asked, finds no table and stops), so what is lost is
        #                   a debugger's or perf's DWARF unwinding of a core dump: frame pointers are kept.
        order_hash="$(sha256sum <"$repo/deploy/lambda/text-order.txt" | cut -c1-12)"
        cp "$repo/deploy/lambda/text-order.txt" "$stage/symbol-order-$order_hash.txt"
        printf '%s\n' '/* scripts/package-lambda.sh: no unwind tables in the Lambda bootstrap. */' \
            'SECTIONS { /DISCARD/ : { *(.eh_frame) } } INSERT AFTER .text;' >"$stage/no-unwind-tables.ld"
        # -disable-incremental-llvm-codegen: swiftc keeps an object whose IR hash is unchanged, and the hash does not
        # cover -function-sections, so objects built without it would otherwise be kept as they are.
        swiftpm_build -Xswiftc -static-executable -Xswiftc -use-ld=lld \
            -Xswiftc -Xfrontend -Xswiftc -function-sections \
            -Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen \
            -Xcc -ffunction-sections -Xcxx -ffunction-sections \
            -Xlinker "--symbol-ordering-file=$stage/symbol-order-$order_hash.txt" -Xlinker --no-warn-symbol-ordering \
            -Xlinker --icf=all -Xlinker -T -Xlinker "$stage/no-unwind-tables.ld" -Xlinker --no-eh-frame-hdr
        ;;
    dynamic) swiftpm_build --static-swift-stdlib ;;
    docker) docker_build ;;
esac

unstripped="$stage/bootstrap.unstripped"
machine="$(readelf -h "$unstripped" | sed -n 's/^ *Machine: *//p')"
case "$machine" in
    *"$elf_machine"*) ;;
    *) die "built binary is for '$machine', not $arch" ;;
esac

# jemalloc: a static build carries its code (je_* symbols, its "<jemalloc>" messages); a dynamic one needs the .so.
needed="$(readelf -d "$unstripped" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
symbols="$(nm "$unstripped" 2>/dev/null || true)"
je_symbols="$(grep -c ' je_' <<<"$symbols" || true)"
if [[ " $needed " == *" libjemalloc.so"* ]]; then
    jemalloc="shared library (NEEDED $(grep -o 'libjemalloc[^ ]*' <<<"$needed"))"
elif [ "${je_symbols:-0}" -gt 0 ] && grep -aq '<jemalloc>' "$unstripped"; then
    jemalloc="statically linked (${je_symbols} je_ symbols)"
elif [ "$chosen" = "sdk" ] && [ "${PHONEY_SDK_JEMALLOC:-0}" != "1" ]; then
    jemalloc="not linked (Static Linux SDK build without the Jemalloc trait: musl's allocator)"
else
    die "jemalloc is not linked into bootstrap (no je_ symbols, no libjemalloc.so needed)"
fi

strip_binary
binary="$stage/bootstrap"
# The static route links without unwind tables (above); a linker that ignored the script would bring back 3.3 MB.
if [ "$chosen" = "static" ] && readelf -SW "$binary" | grep -qE ' \.eh_frame(_hdr)? '; then
    die "the static bootstrap still has .eh_frame: the linker did not take no-unwind-tables.ld"
fi

program_headers="$(readelf -lW "$binary")"
file_says="$(file -b "$binary")"
if grep -q 'Requesting program interpreter' <<<"$program_headers"; then
    linkage="dynamically linked (needs: ${needed% })"
else
    linkage="$(grep -o -E 'static(ally|-pie) linked' <<<"$file_says" || echo "static (no interpreter)")"
fi
if [ "$chosen" != "dynamic" ] && [[ "$linkage" == dynamic* ]]; then
    die "route $chosen should give a static executable, but it is $linkage"
fi
glibc="$(highest_glibc "$binary")"

# Smoke run on the host arch: a crash or a failed exec at start-up shows here. MALLOC_CONF=stats_print makes jemalloc
# print its statistics at a normal exit, which shows it really is the allocator. The Runtime API address is a closed
# loopback port, so a real runtime fails to connect and exits (or is still retrying when the timeout ends it).
if [ "$arch" = "$host_arch" ]; then
    # A non-zero exit is expected here; `|| smoke_status=$?` keeps it from tripping errexit and the ERR trap
    # (which `set +e` would not silence).
    smoke_status=0
    smoke_err="$(env -i AWS_LAMBDA_RUNTIME_API=127.0.0.1:9 MALLOC_CONF=stats_print:true \
        timeout 5 "$binary" 2>&1 >/dev/null)" || smoke_status=$?
    if [ "$smoke_status" -eq 126 ] || [ "$smoke_status" -eq 127 ] || [ "$smoke_status" -gt 128 ]; then
        printf '%s\n' "$smoke_err" | tail -n 5 >&2
        die "bootstrap did not run (exit status $smoke_status)"
    fi
    if grep -q 'Begin jemalloc statistics' <<<"$smoke_err"; then
        smoke="runs (exit $smoke_status); jemalloc is the allocator at run time"
    else
        smoke="runs (exit $smoke_status); jemalloc statistics not seen (process did not exit normally)"
    fi
else
    smoke="not run ($arch binary on a $host_arch host)"
fi

echo "route:       $chosen"
echo "binary:      $(cut -d, -f1-2 <<<"$file_says"), $linkage"
echo "jemalloc:    $jemalloc"
if [ -n "$glibc" ]; then
    echo "glibc:       highest symbol version needed GLIBC_$glibc"
else
    echo "glibc:       needs no GLIBC symbol versions"
fi
echo "smoke run:   $smoke"
echo "unstripped:  $(human "$(stat -c %s "$unstripped")")"
echo "stripped:    $(human "$(stat -c %s "$binary")")"

# Foundation and ICU. Unstripped: the Swift symbols of the modules and ICU's (renamed swift_u*) C API. Stripped: the
# module names Swift keeps in its metadata ("\0Foundation\0") and ICU's data package entries (icudt<version>l).
foundation_found=()
for module in Foundation FoundationInternationalization; do
    mangled="\$s${#module}${module}"
    count="$(grep -c -F " $mangled" <<<"$symbols" || true)"
    [ "${count:-0}" -eq 0 ] || foundation_found+=("$count $module symbols")
    count="$(LC_ALL=C grep -c -a -P "\x00${module}\x00" "$binary" || true)"
    [ "${count:-0}" -eq 0 ] || foundation_found+=("the module name $module in the stripped binary")
done
count="$(grep -c -E ' (swift_)?u(cal|col|dat|loc|num|enum|casemap)_[a-zA-Z]+' <<<"$symbols" || true)"
[ "${count:-0}" -eq 0 ] || foundation_found+=("$count ICU symbols")
count="$(LC_ALL=C grep -a -o -P 'icudt[0-9]+[lb]' "$binary" | wc -l || true)"
[ "${count:-0}" -eq 0 ] || foundation_found+=("ICU data ($count icudt entries)")
if [ "${#foundation_found[@]}" -gt 0 ]; then
    for found in "${foundation_found[@]}"; do echo "package-lambda: the binary carries $found" >&2; done
    if [ -e "$output" ]; then
        rm -f "$output"
        echo "package-lambda: removed the earlier $output so it cannot be taken for this build" >&2
    fi
    die "Foundation or ICU is linked in: find what imports Foundation (not FoundationEssentials) with
    -Xlinker -Map=FILE (the 'Archive member included' lines name the object that wanted libFoundation.a); no zip written"
fi
# FoundationEssentials is allowed, but the bootstrap has not needed it since it stopped linking Hummingbird and
# swift-crypto (docs/decisions/0008-lambda-links-no-server-framework.md); it is 4.5 MB of the binary when it comes back.
essentials="$(grep -c -F " \$s20FoundationEssentials" <<<"$symbols" || true)"
if [ "${essentials:-0}" -eq 0 ]; then
    echo "foundation:  none (no Foundation, FoundationInternationalization, FoundationEssentials or ICU)"
else
    echo "foundation:  FoundationEssentials only ($essentials symbols; no Foundation, FoundationInternationalization or ICU)"
fi

reasons=()
if [ -n "$glibc" ] && version_above "$glibc" "$max_glibc"; then
    reasons+=("needs GLIBC_$glibc, above the $max_glibc of provided.al2023")
fi
if [[ "$jemalloc" == "shared library"* ]]; then
    reasons+=("needs a shared libjemalloc, which provided.al2023 does not ship")
fi
if [ "${#reasons[@]}" -gt 0 ]; then
    for reason in "${reasons[@]}"; do echo "package-lambda: $reason" >&2; done
    if [ -e "$output" ]; then
        rm -f "$output"
        echo "package-lambda: removed the earlier $output so it cannot be taken for this build" >&2
    fi
    echo "NOT deployable on provided.al2023 (glibc $max_glibc): no zip written; binary left at $binary"
    exit 3
fi

ensure_zip_tool
make_zip
verify_zip
zip_bytes="$(stat -c %s "$output")"
echo "zip:         $output, $(human "$zip_bytes"), bootstrap at the root, mode 0755"
if [ "$zip_bytes" -le "$zip_target_bytes" ]; then
    echo "zip target:  within $zip_target_bytes bytes (8 MB), $((zip_target_bytes - zip_bytes)) bytes to spare"
else
    echo "zip target:  OVER $zip_target_bytes bytes (8 MB) by $((zip_bytes - zip_target_bytes)) bytes"
fi
echo "deployable on provided.al2023 ($arch)"
