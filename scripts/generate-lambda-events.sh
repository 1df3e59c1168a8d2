#!/usr/bin/env bash
# Regenerates the API Gateway event fixtures in Tests/PhoneyLambdaTests/Events/{v2,v1}/ with the real tool:
# `sam local generate-event apigateway http-api-proxy` (HTTP API, payload 2.0) and `... aws-proxy` (REST API,
# payload 1.0). Works offline once aws-sam-cli is installed. Events/malformed/ is hand-written and left alone.
#
# Usage: scripts/generate-lambda-events.sh
#
# aws-sam-cli (pinned below) goes into its own virtualenv, .build-tools/sam-venv (about 340 MB, gitignored); set SAM to
# use another `sam` of the same version. Each generated event is then edited, in the fix-up program below, from sam's
# sample values towards what API Gateway really sends, so the adapter is tested against the real shapes:
#   both  path, method, query and body set per case; GET/OPTIONS carry no body (v2: no `body` key, v1: `body: null`,
#         isBase64Encoded false); header set replaced by a curl-like client's plus API Gateway's x-forwarded-*,
#         x-amzn-trace-id; sourceIp 203.0.113.10 (a documentation address); requestId derived from the case name.
#   v2    header names lower-case, repeated headers comma-joined, cookies split out into `cookies` (no cookie
#         header); rawQueryString as sent, queryStringParameters decoded with repeated keys comma-joined, absent when
#         there is no query; routeKey `$default` (the catch-all route), so no pathParameters; sam's jwt authorizer,
#         mTLS clientCert and stageVariables removed (Phoney authenticates itself; none are configured).
#   v1    header names as the client spelt them, `headers` holding the last value and `multiValueHeaders` all of them;
#         queryStringParameters (last value) and multiValueQueryStringParameters (all), null when there is no query;
#         resource /{proxy+} with pathParameters.proxy (no leading slash); the Host header matches the apiId.
#   sam always emits the body base64-encoded with isBase64Encoded true; cases marked --plain-body are edited to carry
#   the body as plain text with isBase64Encoded false (what HTTP APIs do for JSON, and REST APIs by default).
set -euo pipefail

readonly sam_version="1.170.0"

cd "$(dirname "$0")/.."
events="$PWD/Tests/PhoneyLambdaTests/Events"
venv="$PWD/.build-tools/sam-venv"
export SAM_CLI_TELEMETRY=0

if [ -z "${SAM:-}" ]; then
    SAM="$venv/bin/sam"
    if [ ! -x "$SAM" ] || [ "$("$SAM" --version 2>/dev/null)" != "SAM CLI, version $sam_version" ]; then
        echo "generate-lambda-events: installing aws-sam-cli==$sam_version into $venv" >&2
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet "aws-sam-cli==$sam_version" >&2
    fi
fi
found="$("$SAM" --version)"
[ "$found" = "SAM CLI, version $sam_version" ] || {
    echo "generate-lambda-events: need aws-sam-cli $sam_version, found '$found'" >&2
    exit 1
}

fixup="$(mktemp)"
trap 'rm -f "$fixup"' EXIT
cat >"$fixup" <<'PY'
"""Edits one sam-generated event (standard input) for a case; writes the event to standard output."""
import argparse, base64, hashlib, json, sys
from urllib.parse import parse_qsl

parser = argparse.ArgumentParser()
parser.add_argument("version", choices=["v1", "v2"])
parser.add_argument("name")
parser.add_argument("method")
parser.add_argument("path")
parser.add_argument("--query", default="")
parser.add_argument("--body")
parser.add_argument("--content-type")
parser.add_argument("--header", action="append", default=[], help="'Name: value', repeatable")
parser.add_argument("--cookie", action="append", default=[])
parser.add_argument("--plain-body", action="store_true")
args = parser.parse_args()
event = json.load(sys.stdin)

digest = hashlib.sha256(args.name.encode()).hexdigest()
source_ip = "203.0.113.10"
user_agent = "curl/8.5.0"
given = {h.split(": ", 1)[0].lower() for h in args.header}
headers = [(k, v) for k, v in [("Accept", "*/*"), ("User-Agent", user_agent)] if k.lower() not in given]
if args.body is not None:
    headers.append(("Content-Type", args.content_type or "application/json"))
    headers.append(("Content-Length", str(len(args.body.encode()))))
headers += [tuple(h.split(": ", 1)) for h in args.header]
headers += [
    ("X-Amzn-Trace-Id", f"Root=1-67a1b2c3-{digest[:24]}"),
    ("X-Forwarded-For", source_ip),
    ("X-Forwarded-Port", "443"),
    ("X-Forwarded-Proto", "https"),
]
# A client's own X-Forwarded-For comes first; API Gateway appends the address it saw.
forwarded = [v for k, v in headers if k.lower() == "x-forwarded-for"]
if len(forwarded) > 1:
    headers = [(k, v) for k, v in headers if k.lower() != "x-forwarded-for"]
    headers.append(("X-Forwarded-For", ", ".join(forwarded)))
query = parse_qsl(args.query, keep_blank_values=True)


def grouped(pairs, fold=lambda k: k):
    out = {}
    for k, v in pairs:
        out.setdefault(fold(k), []).append(v)
    return out


if args.version == "v2":
    host = event["requestContext"]["domainName"]
    headers.insert(0, ("Host", host))
    event["routeKey"] = "$default"
    event["rawPath"] = args.path
    event["rawQueryString"] = args.query
    if args.cookie:
        event["cookies"] = args.cookie
    else:
        event.pop("cookies", None)
    event["headers"] = {k: ",".join(v) for k, v in grouped(headers, str.lower).items()}
    if query:
        event["queryStringParameters"] = {k: ",".join(v) for k, v in grouped(query).items()}
    else:
        event.pop("queryStringParameters", None)
    for key in ("pathParameters", "stageVariables"):
        event.pop(key, None)
    context = event["requestContext"]
    for key in ("authentication", "authorizer"):
        context.pop(key, None)
    context["routeKey"] = "$default"
    context["requestId"] = digest[:14].upper() + "="
    context["http"].update(method=args.method, path=args.path, sourceIp=source_ip, userAgent=user_agent)
    if args.body is None:
        event.pop("body", None)
        event["isBase64Encoded"] = False
    else:
        assert base64.b64decode(event["body"]).decode() == args.body, "sam changed the body"
        if args.plain_body:
            event["body"] = args.body
            event["isBase64Encoded"] = False
    # Keys in the order API Gateway writes them.
    order = ["version", "routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters",
             "requestContext", "body", "pathParameters", "isBase64Encoded", "stageVariables"]
    event = {k: event[k] for k in order if k in event}
else:
    context = event["requestContext"]
    host = f"{context['apiId']}.execute-api.us-east-1.amazonaws.com"
    if args.cookie:
        headers.append(("Cookie", "; ".join(args.cookie)))
    kept = ["CloudFront-Forwarded-Proto", "CloudFront-Is-Desktop-Viewer", "CloudFront-Is-Mobile-Viewer",
            "CloudFront-Is-SmartTV-Viewer", "CloudFront-Is-Tablet-Viewer", "CloudFront-Viewer-Country", "Via",
            "X-Amz-Cf-Id"]
    headers = [("Host", host)] + headers + [(k, event["headers"][k]) for k in kept]
    multi = grouped(headers)
    event["headers"] = {k: v[-1] for k, v in multi.items()}
    event["multiValueHeaders"] = multi
    event["path"] = args.path
    event["httpMethod"] = args.method
    if query:
        event["queryStringParameters"] = {k: v[-1] for k, v in grouped(query).items()}
        event["multiValueQueryStringParameters"] = grouped(query)
    else:
        event["queryStringParameters"] = None
        event["multiValueQueryStringParameters"] = None
    if args.path == "/":
        event["resource"] = "/"
        event["pathParameters"] = None
    else:
        event["resource"] = "/{proxy+}"
        event["pathParameters"] = {"proxy": args.path.lstrip("/")}
    event["stageVariables"] = None
    context.update(
        resourcePath=event["resource"], httpMethod=args.method, path=f"/{context['stage']}{args.path}",
        requestId=f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}")
    context["identity"].update(sourceIp=source_ip, userAgent=user_agent)
    if args.body is None:
        event["body"] = None
        event["isBase64Encoded"] = False
    else:
        assert base64.b64decode(event["body"]).decode() == args.body, "sam changed the body"
        if args.plain_body:
            event["body"] = args.body
            event["isBase64Encoded"] = False
json.dump(event, sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")
PY

count=0
# event v1|v2 NAME METHOD PATH [--query Q] [--body B] [--content-type T] [--header 'N: v']... [--cookie c]...
#       [--plain-body]
event() {
    local version="$1" name="$2" method="$3" path="$4"
    shift 4
    local body="{}" kind="http-api-proxy" python="python3" arg
    local -a rest=("$@")
    for ((arg = 0; arg < ${#rest[@]}; arg++)); do
        [ "${rest[$arg]}" != "--body" ] || body="${rest[$((arg + 1))]}"
    done
    [ "$version" = "v2" ] || kind="aws-proxy"
    [ ! -x "$venv/bin/python3" ] || python="$venv/bin/python3"
    mkdir -p "$events/$version"
    # sam puts a leading slash before --path itself. A case without a body gets sam's body `{}`, which the fix-up
    # removes.
    "$SAM" local generate-event apigateway "$kind" --method "$method" --path "${path#/}" --body "$body" 2>/dev/null |
        "$python" "$fixup" "$version" "$name" "$method" "$path" "$@" >"$events/$version/$name.json"
    count=$((count + 1))
}

person='{"template": {"name": "{{name}}", "email": "{{email}}", "age": "{{random_int:min=18,max=90}}"}, "count": 100, "seed": 42}'
person_csv='{"template": {"name": "{{name}}", "email": "{{email}}", "age": "{{random_int:min=18,max=90}}"}, "count": 10, "seed": 42, "format": "csv"}'
unknown='{"template": {"name": "{{name}}", "email": "{{emial}}"}, "count": 5, "seed": 42}'
too_many='{"template": {"name": "{{name}}"}, "count": 1001, "seed": 42}'
authed='{"template": {"name": "{{name}}", "email": "{{email}}", "company": "{{company}}"}, "count": 50, "seed": 42}'
# 16 fields, about 770 bytes a record: 10,000 records are about 7.7 MB of data, above Lambda's 6 MB response limit.
wide='{"template": {"id": "{{uuid4}}", "name": "{{name}}", "email": "{{email}}", "phone": "{{phone_number}}", "address": "{{address}}", "company": "{{company}}", "job": "{{job}}", "catch_phrase": "{{catch_phrase}}", "user_agent": "{{user_agent}}", "iban": "{{iban}}", "credit_card": "{{credit_card_number}}", "ipv4": "{{ipv4}}", "url": "{{url}}", "date_of_birth": "{{date_of_birth}}", "bio": "{{paragraph}}", "notes": "{{paragraph}}"}, "count": 10000, "seed": 42}'
validate='{"template": {"name": "{{name}}", "email": "{{emial}}", "age": "{{random_int:min=18,max=90}}"}, "strict": false}'
login='username=phoney&password=test-password-0123456789'
api_key='X-Api-Key: test-api-key-0123456789'

# Payload 2.0 (HTTP API).
event v2 get-root GET /
event v2 get-health GET /health
event v2 get-generators GET /generators
event v2 get-api-v1-generators GET /api/v1/generators
event v2 get-fake-name-count-5-seed-42 GET /fake/name --query 'count=5&seed=42'
event v2 get-api-v1-fake-email-locale-fr GET /api/v1/fake/email --query 'count=3&locale=fr_FR&seed=7'
event v2 get-fake-unknown-generator GET /fake/em --query 'seed=1'
event v2 get-api-v1-provider-person-first-name GET /api/v1/provider/person/first_name --query 'count=2&seed=3'
event v2 get-fake-name-cookies-multi-value-headers GET /fake/name --query 'count=2&count=3&seed=1' \
    --header 'Accept: application/json' --header 'Accept: text/plain' \
    --header 'X-Forwarded-For: 198.51.100.7' --cookie 'session=abc123' --cookie 'theme=dark'
event v2 options-template-cors-preflight OPTIONS /template --header 'Origin: https://app.example.com' \
    --header 'Access-Control-Request-Method: POST' --header 'Access-Control-Request-Headers: content-type,x-api-key'
event v2 post-template-person-count-100 POST /template --body "$person"
event v2 post-template-person-plain-body POST /template --body "$person" --plain-body
event v2 post-template-format-csv POST /template --body "$person_csv"
event v2 post-template-unknown-generator POST /template --body "$unknown"
event v2 post-template-count-1001 POST /template --body "$too_many"
event v2 post-api-v1-template-generate-no-auth POST /api/v1/template/generate --body "$authed"
event v2 post-api-v1-template-generate-api-key POST /api/v1/template/generate --body "$authed" --header "$api_key"
event v2 post-api-v1-template-generate-bearer POST /api/v1/template/generate --body "$authed" \
    --header 'Authorization: Bearer <token>'
event v2 post-api-v1-template-generate-ndjson-stream POST /api/v1/template/generate --body "$authed" \
    --header "$api_key" --header 'Accept: application/x-ndjson'
event v2 post-api-v1-template-generate-oversized POST /api/v1/template/generate --body "$wide" --header "$api_key"
event v2 post-api-v1-template-validate POST /api/v1/template/validate --body "$validate"
event v2 post-token-form POST /token --body "$login" --content-type application/x-www-form-urlencoded

# Payload 1.0 (REST API).
event v1 get-health GET /health
event v1 get-fake-name-multi-value-query GET /fake/name --query 'count=2&count=3&seed=1' \
    --header 'Accept: application/json' --header 'Accept: text/plain' --cookie 'session=abc123' --cookie 'theme=dark'
event v1 post-template-person-count-100 POST /template --body "$person"
event v1 post-template-person-plain-body POST /template --body "$person" --plain-body
event v1 post-api-v1-template-generate-api-key POST /api/v1/template/generate --body "$authed" --header "$api_key"
event v1 post-token-form POST /token --body "$login" --content-type application/x-www-form-urlencoded

echo "generate-lambda-events: wrote $count events under ${events#"$PWD"/}/v2 and v1 (sam $sam_version)" >&2
