# syntax=docker/dockerfile:1
# Phoney as a Lambda container image: the `bootstrap` custom runtime on provided.al2023.
#
#   docker build --platform linux/arm64 -t phoney-lambda .      (or linux/amd64)
#
# Build stage: Debian 12 with Swift, linking `bootstrap` with -static-executable, the route scripts/package-lambda.sh
# takes on a host of the target arch. The result is fully static (glibc and jemalloc's libjemalloc.a included), so
# the glibc 2.34 of provided.al2023 does not matter, and the runtime stage needs nothing installed. An Amazon Linux
# build image would link glibc dynamically and need a jemalloc package in the runtime stage as well.
# scripts/package-lambda.sh --route docker uses this stage too (/out/bootstrap.unstripped).
#
# Runtime stage: the AWS OS-only base image. Its entrypoint (/lambda-entrypoint.sh) runs ${LAMBDA_RUNTIME_DIR}/bootstrap
# (/var/runtime/bootstrap), under the Runtime Interface Emulator when run outside Lambda; CMD becomes _HANDLER,
# which Phoney's runtime does not use. Lambda runs the image as its own non-root user, so no USER is set here.
# Tags are pinned to a Swift release and the AL2023 runtime generation; pin by digest (@sha256:…) in CI.
#
# Not built on the development machine: it has a Docker client but no engine. hadolint checks it there.

FROM swift:6.3.1-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjemalloc-dev=5.3.0-1 pkg-config=1.8.1-1 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The same link as the static route of scripts/package-lambda.sh: every function in its own section and the functions
# that init and requests run placed together (deploy/lambda/text-order.txt), which keeps the executable's resident
# pages, and so the function's peak memory, down; lld with identical code folding and without unwind tables, which
# makes the binary 5.4 MB smaller (docs/decisions/0003-lambda-binary-code-layout.md). PHONEY_LAMBDA_ONLY=1: only the
# bootstrap's targets and packages, so nothing turns on swift-http-types' FoundationURL trait (Package.swift).
RUN --mount=type=cache,target=/src/.build \
    printf '%s\n' 'SECTIONS { /DISCARD/ : { *(.eh_frame) } } INSERT AFTER .text;' >/tmp/no-unwind-tables.ld \
    && set -- -c release --product bootstrap -Xswiftc -static-executable -Xswiftc -use-ld=lld \
        -Xswiftc -Xfrontend -Xswiftc -function-sections \
        -Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen \
        -Xcc -ffunction-sections -Xcxx -ffunction-sections \
        -Xlinker --symbol-ordering-file=/src/deploy/lambda/text-order.txt -Xlinker --no-warn-symbol-ordering \
        -Xlinker --icf=all -Xlinker -T -Xlinker /tmp/no-unwind-tables.ld -Xlinker --no-eh-frame-hdr \
    && PHONEY_LAMBDA_ONLY=1 swift build "$@" \
    && mkdir -p /out \
    && cp "$(PHONEY_LAMBDA_ONLY=1 swift build "$@" --show-bin-path)/bootstrap" /out/bootstrap.unstripped \
    && strip -o /out/bootstrap /out/bootstrap.unstripped

FROM public.ecr.aws/lambda/provided:al2023
COPY --from=build --chmod=0755 /out/bootstrap ${LAMBDA_RUNTIME_DIR}/bootstrap
CMD ["phoney.handler"]
