"""A small evaluator for the Terraform in deploy/aws/terraform, on top of python-hcl2.

python-hcl2 (8.x) parses a .tf file into dicts and lists but leaves every expression as source text: a quoted
string keeps its quotes ('"phoney-${var.stage}-api"'), any other expression is wrapped in '${...}'. This module
parses those expressions (a subset of HCL: literals, templates, references, indexing, function calls, operators,
conditionals, for expressions) and evaluates them with the module's variables and locals, so that the comparison in
test_terraform.py sees the values Terraform would plan for a stage.

What Terraform only knows after apply (an ARN, an id) stays symbolic: an `Unknown` naming the reference, e.g.
Unknown('aws_kms_key.this.arn'), which a template renders as '${aws_kms_key.this.arn}'. The data sources for the
partition, region and account render as CloudFormation's pseudo parameters (${AWS::Partition} ...), which is how
the comparison lines them up with the synthesised template.

The evaluator refuses what it does not understand (EvalError) rather than guess. Its own tests are at the end.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import hcl2  # type: ignore[import-untyped]


class EvalError(Exception):
    """An expression the evaluator cannot parse or evaluate."""


@dataclass(frozen=True)
class Unknown:
    """A value known only after apply: `ref` is the Terraform reference, e.g. 'aws_lambda_alias.live.arn'."""

    ref: str

    def __str__(self) -> str:
        return "${" + self.ref + "}"


PSEUDO = {
    "data.aws_partition.current.partition": "${AWS::Partition}",
    "data.aws_region.current.name": "${AWS::Region}",
    "data.aws_region.current.region": "${AWS::Region}",
    "data.aws_caller_identity.current.account_id": "${AWS::AccountId}",
    "data.aws_partition.current.dns_suffix": "${AWS::URLSuffix}",
}


# ---------------------------------------------------------------------------------------------------------------
# Normalising python-hcl2's output


def unquote_key(key: str) -> str:
    if len(key) >= 2 and key[0] == '"' and key[-1] == '"':
        return key[1:-1]
    return key


def _is_marker(key: str) -> bool:
    """python-hcl2's own keys: '__is_block__', '__comments__', '__inline_comments__' ..."""
    return key.startswith("__") and key.endswith("__")


def clean(value: Any) -> Any:
    """Drops python-hcl2's '__is_block__' markers and the quotes around keys; values stay source text."""
    if isinstance(value, dict):
        return {unquote_key(k): clean(v) for k, v in value.items() if not _is_marker(k)}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def is_block_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


# ---------------------------------------------------------------------------------------------------------------
# Lexer and parser

_PUNCT = ["=>", "==", "!=", "<=", ">=", "&&", "||", "...", "?", ":", "(", ")", "[", "]", "{", "}", ",", ".", "=",
          "+", "-", "*", "/", "%", "<", ">", "!"]


@dataclass
class Tok:
    kind: str  # num, ident, str (a list of template parts), punct, end
    value: Any


def _read_template(src: str, i: int, closing: str | None) -> tuple[list[Any], int]:
    """Reads a template body from src[i] up to `closing` ('"' for a quoted string, None for the end of src).
    Returns parts (str literals and parsed expression nodes) and the index after the closing quote."""
    parts: list[Any] = []
    buf: list[str] = []
    n = len(src)
    while True:
        if i >= n:
            if closing is None:
                break
            raise EvalError(f"unterminated string in {src!r}")
        c = src[i]
        if closing is not None and c == closing:
            i += 1
            break
        if c == "\\" and closing is not None:
            nxt = src[i + 1] if i + 1 < n else ""
            escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
            if nxt in escapes:
                buf.append(escapes[nxt])
                i += 2
                continue
            if nxt == "u":
                buf.append(chr(int(src[i + 2:i + 6], 16)))
                i += 6
                continue
            raise EvalError(f"unknown escape \\{nxt} in {src!r}")
        if src.startswith("$${", i) or src.startswith("%%{", i):
            buf.append(src[i] + "{")
            i += 3
            continue
        if src.startswith("%{", i):
            raise EvalError(f"template directives (%{{...}}) are not supported: {src!r}")
        if src.startswith("${", i):
            if buf:
                parts.append("".join(buf))
                buf = []
            j = _matching_brace(src, i + 1)
            inner = src[i + 2:j].strip()
            if inner.startswith("~"):
                inner = inner[1:]
            if inner.endswith("~"):
                inner = inner[:-1]
            parts.append(Parser(inner).parse_all())
            i = j + 1
            continue
        buf.append(c)
        i += 1
    if buf:
        parts.append("".join(buf))
    return parts, i


def _matching_brace(src: str, i: int) -> int:
    """Index of the '}' closing the '{' at src[i], skipping strings and nested braces."""
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == '"':
            _, i = _read_template(src, i + 1, '"')
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise EvalError(f"unbalanced braces in {src!r}")


def tokenize(src: str) -> list[Tok]:
    toks: list[Tok] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c == "#" or src.startswith("//", i):
            while i < n and src[i] != "\n":
                i += 1
            continue
        if c == '"':
            parts, i = _read_template(src, i + 1, '"')
            toks.append(Tok("str", parts))
            continue
        if src.startswith("<<", i):
            raise EvalError("heredocs are not supported by this evaluator")
        m = re.match(r"\d+(\.\d+)?([eE][+-]?\d+)?", src[i:])
        if m:
            text = m.group(0)
            toks.append(Tok("num", float(text) if ("." in text or "e" in text.lower()) else int(text)))
            i += len(text)
            continue
        m = re.match(r"[A-Za-z_][A-Za-z0-9_-]*", src[i:])
        if m:
            toks.append(Tok("ident", m.group(0)))
            i += len(m.group(0))
            continue
        for p in _PUNCT:
            if src.startswith(p, i):
                toks.append(Tok("punct", p))
                i += len(p)
                break
        else:
            raise EvalError(f"unexpected character {c!r} in {src!r}")
    toks.append(Tok("end", None))
    return toks


# AST nodes are tuples: ('lit', v) ('tmpl', parts) ('var', name) ('attr', obj, name) ('index', obj, key)
# ('splat', obj, [ops]) ('call', name, args, expand) ('unop', op, x) ('binop', op, a, b) ('cond', c, a, b)
# ('list', items) ('obj', [(key_node, value_node)]) ('for_list', k, v, coll, expr, cond)
# ('for_obj', k, v, coll, key, value, cond, group)

_BINARY = [["||"], ["&&"], ["==", "!="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]]


class Parser:
    def __init__(self, src: str) -> None:
        self.src = src
        self.toks = tokenize(src)
        self.pos = 0

    def peek(self, offset: int = 0) -> Tok:
        return self.toks[min(self.pos + offset, len(self.toks) - 1)]

    def next(self) -> Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def accept(self, punct: str) -> bool:
        tok = self.peek()
        if tok.kind == "punct" and tok.value == punct:
            self.pos += 1
            return True
        return False

    def expect(self, punct: str) -> None:
        if not self.accept(punct):
            raise EvalError(f"expected {punct!r} at {self.peek().value!r} in {self.src!r}")

    def parse_all(self) -> tuple:
        node = self.expr()
        if self.peek().kind != "end":
            raise EvalError(f"unexpected {self.peek().value!r} in {self.src!r}")
        return node

    def expr(self) -> tuple:
        cond = self.binary(0)
        if self.accept("?"):
            a = self.expr()
            self.expect(":")
            b = self.expr()
            return ("cond", cond, a, b)
        return cond

    def binary(self, level: int) -> tuple:
        if level == len(_BINARY):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek().kind == "punct" and self.peek().value in _BINARY[level]:
            op = self.next().value
            right = self.binary(level + 1)
            left = ("binop", op, left, right)
        return left

    def unary(self) -> tuple:
        if self.accept("!"):
            return ("unop", "!", self.unary())
        if self.accept("-"):
            return ("unop", "-", self.unary())
        return self.postfix(self.primary())

    def postfix(self, node: tuple) -> tuple:
        while True:
            if self.accept("."):
                tok = self.next()
                if tok.kind == "ident":
                    node = ("attr", node, tok.value)
                elif tok.kind == "num":
                    node = ("index", node, ("lit", tok.value))
                elif tok.kind == "punct" and tok.value == "*":
                    node = ("splat", node, self.splat_ops())
                else:
                    raise EvalError(f"bad attribute access in {self.src!r}")
            elif self.peek().kind == "punct" and self.peek().value == "[":
                if self.peek(1).kind == "punct" and self.peek(1).value == "*":
                    self.pos += 2
                    self.expect("]")
                    node = ("splat", node, self.splat_ops())
                else:
                    self.next()
                    key = self.expr()
                    self.expect("]")
                    node = ("index", node, key)
            else:
                return node

    def splat_ops(self) -> list:
        ops = []
        while self.peek().kind == "punct" and self.peek().value in (".", "["):
            if self.accept("."):
                ops.append(("attr", self.next().value))
            else:
                self.next()
                key = self.expr()
                self.expect("]")
                ops.append(("index", key))
        return ops

    def primary(self) -> tuple:
        tok = self.next()
        if tok.kind == "num":
            return ("lit", tok.value)
        if tok.kind == "str":
            return ("tmpl", tok.value)
        if tok.kind == "ident":
            if tok.value in ("true", "false"):
                return ("lit", tok.value == "true")
            if tok.value == "null":
                return ("lit", None)
            if self.peek().kind == "punct" and self.peek().value == "(":
                self.next()
                args: list = []
                expand = False
                while not self.accept(")"):
                    args.append(self.expr())
                    if self.accept("..."):
                        expand = True
                    if not self.accept(","):
                        self.expect(")")
                        break
                return ("call", tok.value, args, expand)
            return ("var", tok.value)
        if tok.kind == "punct" and tok.value == "(":
            node = self.expr()
            self.expect(")")
            return node
        if tok.kind == "punct" and tok.value == "[":
            if self.peek().kind == "ident" and self.peek().value == "for":
                return self.for_expr("]")
            items = []
            while not self.accept("]"):
                items.append(self.expr())
                if not self.accept(","):
                    self.expect("]")
                    break
            return ("list", items)
        if tok.kind == "punct" and tok.value == "{":
            if self.peek().kind == "ident" and self.peek().value == "for":
                return self.for_expr("}")
            pairs = []
            while not self.accept("}"):
                key_tok = self.peek()
                if key_tok.kind == "ident" and self.peek(1).kind == "punct" and self.peek(1).value in ("=", ":"):
                    self.next()
                    key: tuple = ("lit", key_tok.value)
                else:
                    key = self.expr()
                if not (self.accept("=") or self.accept(":")):
                    raise EvalError(f"expected = in object in {self.src!r}")
                pairs.append((key, self.expr()))
                self.accept(",")
            return ("obj", pairs)
        raise EvalError(f"unexpected {tok.value!r} in {self.src!r}")

    def for_expr(self, closing: str) -> tuple:
        self.next()  # 'for'
        first = self.next().value
        second = None
        if self.accept(","):
            second = self.next().value
        tok = self.next()
        if tok.value != "in":
            raise EvalError(f"expected 'in' in {self.src!r}")
        coll = self.expr()
        self.expect(":")
        key_name, value_name = (first, second) if second else (None, first)
        if closing == "]":
            body = self.expr()
            cond = self.expr() if self.peek().kind == "ident" and self.peek().value == "if" and self.next() else None
            self.expect("]")
            return ("for_list", key_name, value_name, coll, body, cond)
        key = self.expr()
        self.expect("=>")
        value = self.expr()
        group = bool(self.accept("..."))
        cond = self.expr() if self.peek().kind == "ident" and self.peek().value == "if" and self.next() else None
        self.expect("}")
        return ("for_obj", key_name, value_name, coll, key, value, cond, group)


def parse_value(text: Any) -> tuple:
    """python-hcl2's representation of an attribute value -> an AST node."""
    if isinstance(text, bool) or text is None or isinstance(text, (int, float)):
        return ("lit", text)
    if isinstance(text, list):
        return ("list", [parse_value(v) for v in text])
    if isinstance(text, dict):
        return ("obj", [(("lit", unquote_key(k)), parse_value(v)) for k, v in text.items() if not _is_marker(k)])
    if not isinstance(text, str):
        raise EvalError(f"unexpected value {text!r}")
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        parts, end = _read_template(text, 1, '"')
        if end != len(text):
            raise EvalError(f"trailing text after string in {text!r}")
        return ("tmpl", parts)
    if text.startswith("${") and _matching_brace(text, 1) == len(text) - 1:
        return Parser(text[2:-1]).parse_all()
    # python-hcl2 writes some bare expressions without ${} (e.g. heredoc-free identifiers); parse them as such.
    return Parser(text).parse_all()


# ---------------------------------------------------------------------------------------------------------------
# Evaluation


def render(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, Unknown):
        return str(value)
    if isinstance(value, PolicyDocument):
        return json.dumps(value.document, sort_keys=True, default=str)
    raise EvalError(f"cannot interpolate {value!r} into a string")


@dataclass
class PolicyDocument:
    """The `json` of a data "aws_iam_policy_document": kept as a structure for the comparison."""

    document: dict


def _json_default(value: Any) -> Any:
    if isinstance(value, Unknown):
        return str(value)
    if isinstance(value, PolicyDocument):
        return value.document
    raise TypeError(f"not JSON: {value!r}")


def _coalesce(*args: Any) -> Any:
    for arg in args:
        if arg is not None and arg != "":
            return arg
    raise EvalError("coalesce: no non-null, non-empty argument")


def _flatten(value: list) -> list:
    out: list = []
    for item in value:
        out.extend(_flatten(item) if isinstance(item, list) else [item])
    return out


def _tf_min(*args: Any) -> Any:
    return min(args)


def _tf_max(*args: Any) -> Any:
    return max(args)


@dataclass
class Scope:
    names: dict[str, Any] = field(default_factory=dict)


class Module:
    """The Terraform files of one module directory, evaluated for one set of input variables."""

    def __init__(self, directory: Path, variables: dict[str, Any] | None = None) -> None:
        self.dir = directory.resolve()
        self.files: dict[str, dict] = {}
        for path in sorted(self.dir.glob("*.tf")):
            with path.open() as handle:
                self.files[path.name] = clean(hcl2.load(handle))
        self.variables_decl: dict[str, dict] = {}
        self.locals_src: dict[str, Any] = {}
        self.resources: dict[tuple[str, str], dict] = {}
        self.data: dict[tuple[str, str], dict] = {}
        self.outputs: dict[str, dict] = {}
        self.ephemeral: dict[tuple[str, str], dict] = {}
        for name, content in self.files.items():
            for block in content.get("variable", []):
                self.variables_decl.update(block)
            for block in content.get("locals", []):
                for key, value in block.items():
                    if key in self.locals_src:
                        raise EvalError(f"local.{key} is defined twice")
                    self.locals_src[key] = value
            for block in content.get("resource", []):
                for rtype, named in block.items():
                    for rname, body in named.items():
                        self.resources[(rtype, rname)] = body
            for block in content.get("data", []):
                for dtype, named in block.items():
                    for dname, body in named.items():
                        self.data[(dtype, dname)] = body
            for block in content.get("ephemeral", []):
                for etype, named in block.items():
                    for ename, body in named.items():
                        self.ephemeral[(etype, ename)] = body
            for block in content.get("output", []):
                self.outputs.update(block)
        self.var_values: dict[str, Any] = {}
        for name, decl in self.variables_decl.items():
            if variables and name in variables:
                self.var_values[name] = variables[name]
            elif "default" in decl:
                self.var_values[name] = self.eval(parse_value(decl["default"]), Scope())
            else:
                raise EvalError(f"variable {name} has no default and no value was given")
        self._locals: dict[str, Any] = {}
        self._evaluating: set[str] = set()

    # -- references --------------------------------------------------------------------------------------------

    def local(self, name: str) -> Any:
        if name in self._locals:
            return self._locals[name]
        if name not in self.locals_src:
            raise EvalError(f"local.{name} is not defined")
        if name in self._evaluating:
            raise EvalError(f"local.{name} depends on itself")
        self._evaluating.add(name)
        try:
            value = self.eval(parse_value(self.locals_src[name]), Scope())
        finally:
            self._evaluating.discard(name)
        self._locals[name] = value
        return value

    def count_of(self, body: dict) -> Any:
        if "count" in body:
            return self.eval(parse_value(body["count"]), Scope())
        return None

    def instances(self, rtype: str, rname: str, data: bool = False) -> list[tuple[Any, Scope]]:
        """[(instance key or None, scope with count/each)] for a resource or data block."""
        body = (self.data if data else self.resources)[(rtype, rname)]
        if "count" in body:
            count = self.count_of(body)
            if not isinstance(count, int):
                raise EvalError(f"{rtype}.{rname}: count is not a known number")
            return [(i, Scope({"count": {"index": i}})) for i in range(count)]
        if "for_each" in body:
            each = self.eval(parse_value(body["for_each"]), Scope())
            if isinstance(each, list):
                each = {v: v for v in each}
            if not isinstance(each, dict):
                raise EvalError(f"{rtype}.{rname}: for_each is not a known map or set")
            return [(k, Scope({"each": {"key": k, "value": v}})) for k, v in each.items()]
        return [(None, Scope())]

    def resource_attr(self, rtype: str, rname: str, key: Any, attr: str, data: bool = False) -> Any:
        ref = ("data." if data else "") + f"{rtype}.{rname}" + ("" if key is None else f"[{key!r}]") + f".{attr}"
        if data and rtype == "aws_iam_policy_document" and attr == "json":
            return PolicyDocument(self.policy_document(rname))
        body = (self.data if data else self.resources)[(rtype, rname)]
        plain = re.sub(r"\[.*?\]", "", ref)
        if plain in PSEUDO:
            return PSEUDO[plain]
        if not data and attr in body and not is_block_list(body[attr]):
            scope = Scope()
            for inst_key, inst_scope in self.instances(rtype, rname):
                if inst_key == key:
                    scope = inst_scope
            return self.eval(parse_value(body[attr]), scope)
        return Unknown(ref)

    # -- IAM policy documents ----------------------------------------------------------------------------------

    def policy_document(self, name: str) -> dict:
        body = self.data[("aws_iam_policy_document", name)]
        if "source_policy_documents" in body or "override_policy_documents" in body:
            raise EvalError("policy documents built from other documents are not supported")
        statements = []
        for stmt in body.get("statement", []):
            out: dict[str, Any] = {"Effect": self.eval(parse_value(stmt.get("effect", '"Allow"')), Scope())}
            if "sid" in stmt:
                out["Sid"] = self.eval(parse_value(stmt["sid"]), Scope())
            for src, dst in (("actions", "Action"), ("not_actions", "NotAction"), ("resources", "Resource"),
                             ("not_resources", "NotResource")):
                if src in stmt:
                    out[dst] = self.eval(parse_value(stmt[src]), Scope())
            for principal in stmt.get("principals", []):
                ptype = self.eval(parse_value(principal["type"]), Scope())
                ids = self.eval(parse_value(principal["identifiers"]), Scope())
                out.setdefault("Principal", {}).setdefault(ptype, []).extend(ids)
            for cond in stmt.get("condition", []):
                test = self.eval(parse_value(cond["test"]), Scope())
                variable = self.eval(parse_value(cond["variable"]), Scope())
                values = self.eval(parse_value(cond["values"]), Scope())
                out.setdefault("Condition", {}).setdefault(test, {})[variable] = values
            statements.append(out)
        return {"Version": "2012-10-17", "Statement": statements}

    # -- expressions -------------------------------------------------------------------------------------------

    def reference(self, node: tuple, scope: Scope) -> Any:
        """Evaluates var./local./resource references, which need the next one or two attribute names."""
        chain: list[tuple] = []
        root = node
        while root[0] in ("attr", "index"):
            chain.append(root)
            root = root[1]
        chain.reverse()
        if root[0] != "var":
            raise EvalError("not a reference")
        head = root[1]
        if head in scope.names:
            value: Any = scope.names[head]
            rest = chain
        elif head == "var":
            value = self.var_values[chain[0][2]]
            rest = chain[1:]
        elif head == "local":
            value = self.local(chain[0][2])
            rest = chain[1:]
        elif head == "path":
            attr = chain[0][2]
            if attr not in ("module", "root", "cwd"):
                raise EvalError(f"path.{attr} is not supported")
            value = str(self.dir)
            rest = chain[1:]
        elif head == "data":
            dtype, dname = chain[0][2], chain[1][2]
            rest = chain[2:]
            key = None
            if rest and rest[0][0] == "index":
                key = self.eval(rest[0][2], scope)
                rest = rest[1:]
            if not rest:
                raise EvalError(f"data.{dtype}.{dname} used as a whole")
            value = self.resource_attr(dtype, dname, key, rest[0][2], data=True)
            rest = rest[1:]
        elif head == "ephemeral":
            # Ephemeral values (a generated password) are never known, not even after apply.
            return Unknown("ephemeral." + ".".join(op[2] for op in chain if op[0] == "attr"))
        elif head == "each" or head == "count":
            raise EvalError(f"{head} used outside a resource with {head}")
        elif (head, chain[0][2] if chain and chain[0][0] == "attr" else None) in self.resources:
            rname = chain[0][2]
            rest = chain[1:]
            key = None
            if rest and rest[0][0] == "index":
                key = self.eval(rest[0][2], scope)
                rest = rest[1:]
            if not rest:
                raise EvalError(f"{head}.{rname} used as a whole")
            value = self.resource_attr(head, rname, key, rest[0][2])
            rest = rest[1:]
        else:
            raise EvalError(f"unknown reference {head}")
        for op in rest:
            if isinstance(value, Unknown):
                suffix = f".{op[2]}" if op[0] == "attr" else f"[{self.eval(op[2], scope)!r}]"
                value = Unknown(value.ref + suffix)
                continue
            if op[0] == "attr":
                value = self.index(value, op[2])
            else:
                value = self.index(value, self.eval(op[2], scope))
        return value

    @staticmethod
    def index(value: Any, key: Any) -> Any:
        if isinstance(value, dict):
            if key not in value:
                raise EvalError(f"no key {key!r} in object")
            return value[key]
        if isinstance(value, list):
            if not isinstance(key, int) or not 0 <= key < len(value):
                raise EvalError(f"index {key!r} out of range")
            return value[key]
        if isinstance(value, Unknown):
            return Unknown(f"{value.ref}[{key!r}]")
        raise EvalError(f"cannot index {value!r} with {key!r}")

    def call(self, name: str, args: list, expand: bool, scope: Scope) -> Any:
        if name == "try":
            for arg in args:
                try:
                    return self.eval(arg, scope)
                except EvalError:
                    continue
            raise EvalError("try: every argument failed")
        values = [self.eval(a, scope) for a in args]
        if expand:
            values = values[:-1] + list(values[-1])
        funcs: dict[str, Callable[..., Any]] = {
            "file": self._file,
            "fileexists": lambda p: Path(p).is_file(),
            "filebase64sha256": lambda p: Unknown(f"filebase64sha256({p})"),
            "templatefile": self._templatefile,
            "jsondecode": lambda s: json.loads(s),
            "jsonencode": lambda v: json.dumps(v, sort_keys=True, default=_json_default),
            "coalesce": _coalesce,
            "coalescelist": lambda *ls: next((x for x in ls if x), []),
            "merge": lambda *ms: {k: v for m in ms for k, v in (m or {}).items()},
            "lookup": lambda m, k, *d: m[k] if k in m else (d[0] if d else (_ for _ in ()).throw(EvalError(k))),
            "contains": lambda coll, v: v in coll,
            "length": len,
            "concat": lambda *ls: [x for lst in ls for x in lst],
            "join": lambda sep, lst: sep.join(render(x) for x in lst),
            "format": lambda fmt, *a: re.sub(r"%[sd]", "{}", fmt).format(*[render(x) for x in a]),
            "tostring": lambda v: None if v is None else render(v),
            "tonumber": lambda v: v if isinstance(v, (int, float)) else (float(v) if "." in v else int(v)),
            "tolist": list,
            "toset": lambda v: sorted(set(v), key=str),
            "upper": lambda s: s.upper(),
            "lower": lambda s: s.lower(),
            "replace": lambda s, a, b: s.replace(a, b),
            "keys": lambda m: sorted(m.keys()),
            "values": lambda m: [m[k] for k in sorted(m.keys())],
            "min": _tf_min,
            "max": _tf_max,
            "floor": lambda x: int(x // 1),
            "ceil": lambda x: -int(-x // 1),
            "abspath": lambda p: str(Path(p).resolve()),
            "flatten": _flatten,
            "startswith": lambda s, p: s.startswith(p),
            "endswith": lambda s, p: s.endswith(p),
        }
        if name not in funcs:
            raise EvalError(f"function {name}() is not supported by the evaluator")
        try:
            return funcs[name](*values)
        except EvalError:
            raise
        except Exception as error:  # noqa: BLE001 - any failure inside a function is Terraform's error too
            raise EvalError(f"{name}(): {error}") from error

    def _file(self, path: str) -> str:
        p = Path(path)
        if not p.is_absolute():
            p = self.dir / p
        if not p.is_file():
            raise EvalError(f"file({path}): no such file")
        return p.read_text()

    def _templatefile(self, path: str, variables: dict) -> str:
        text = self._file(path)
        parts, _ = _read_template(text, 0, None)
        scope = Scope(dict(variables))
        return "".join(render(self.eval(p, scope)) if isinstance(p, tuple) else p for p in parts)

    def eval(self, node: tuple, scope: Scope) -> Any:
        kind = node[0]
        if kind == "lit":
            return node[1]
        if kind == "tmpl":
            parts = node[1]
            if len(parts) == 1 and isinstance(parts[0], tuple):
                return self.eval(parts[0], scope)  # "${x}" keeps x's type, as in Terraform
            return "".join(render(self.eval(p, scope)) if isinstance(p, tuple) else p for p in parts)
        if kind in ("var", "attr", "index"):
            if kind == "var" and node[1] in scope.names:
                return scope.names[node[1]]
            try:
                return self.reference(node, scope)
            except EvalError as error:
                if str(error) != "not a reference":
                    raise
            base = self.eval(node[1], scope)
            key = node[2] if kind == "attr" else self.eval(node[2], scope)
            return self.index(base, key)
        if kind == "splat":
            base = self.eval(node[1], scope)
            if isinstance(base, Unknown):
                return Unknown(base.ref + "[*]")
            items = base if isinstance(base, list) else ([] if base is None else [base])
            out = []
            for item in items:
                for op in node[2]:
                    item = self.index(item, op[1] if op[0] == "attr" else self.eval(op[1], scope))
                out.append(item)
            return out
        if kind == "call":
            return self.call(node[1], node[2], node[3], scope)
        if kind == "unop":
            value = self.eval(node[2], scope)
            return (not value) if node[1] == "!" else -value
        if kind == "binop":
            op = node[1]
            if op == "&&":
                return bool(self.eval(node[2], scope)) and bool(self.eval(node[3], scope))
            if op == "||":
                return bool(self.eval(node[2], scope)) or bool(self.eval(node[3], scope))
            a, b = self.eval(node[2], scope), self.eval(node[3], scope)
            if isinstance(a, Unknown) or isinstance(b, Unknown):
                if op in ("==", "!="):
                    raise EvalError(f"comparison with a value known only after apply ({a} {op} {b})")
                return Unknown(f"({a} {op} {b})")
            ops: dict[str, Callable[[Any, Any], Any]] = {
                "==": lambda x, y: x == y, "!=": lambda x, y: x != y, "<": lambda x, y: x < y,
                ">": lambda x, y: x > y, "<=": lambda x, y: x <= y, ">=": lambda x, y: x >= y,
                "+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y,
                "/": lambda x, y: x / y, "%": lambda x, y: x % y,
            }
            result = ops[op](a, b)
            if isinstance(result, float) and result.is_integer() and op in "+-*/%":
                result = int(result)
            return result
        if kind == "cond":
            cond = self.eval(node[1], scope)
            if isinstance(cond, Unknown):
                raise EvalError(f"condition known only after apply: {cond}")
            return self.eval(node[2] if cond else node[3], scope)
        if kind == "list":
            return [self.eval(n, scope) for n in node[1]]
        if kind == "obj":
            out: dict[str, Any] = {}
            for key_node, value_node in node[1]:
                key = key_node[1] if key_node[0] == "var" else self.eval(key_node, scope)
                out[render(key)] = self.eval(value_node, scope)
            return out
        if kind in ("for_list", "for_obj"):
            coll = self.eval(node[3], scope)
            if isinstance(coll, Unknown):
                raise EvalError(f"for over a value known only after apply: {coll}")
            pairs = list(coll.items()) if isinstance(coll, dict) else list(enumerate(coll))
            results_list: list = []
            results_obj: dict = {}
            for k, v in pairs:
                inner = Scope(dict(scope.names))
                if node[1]:
                    inner.names[node[1]] = k
                inner.names[node[2]] = v
                cond = node[5] if kind == "for_list" else node[6]
                if cond is not None and not self.eval(cond, inner):
                    continue
                if kind == "for_list":
                    results_list.append(self.eval(node[4], inner))
                else:
                    key = render(self.eval(node[4], inner))
                    value = self.eval(node[5], inner)
                    if node[7]:
                        results_obj.setdefault(key, []).append(value)
                    else:
                        results_obj[key] = value
            return results_list if kind == "for_list" else results_obj
        raise EvalError(f"unknown node {kind}")

    # -- resources ---------------------------------------------------------------------------------------------

    def evaluate_body(self, body: dict, scope: Scope) -> dict:
        """A resource body with every attribute evaluated; nested blocks become lists of dicts. `dynamic` blocks
        are expanded."""
        out: dict[str, Any] = {}
        for key, value in body.items():
            if key in ("count", "for_each", "lifecycle", "depends_on", "provider", "provisioner", "connection"):
                continue
            if key == "dynamic":
                for dyn in value:
                    for name, spec in dyn.items():
                        coll = self.eval(parse_value(spec["for_each"]), scope)
                        iterator = unquote_key(spec.get("iterator", name)) if "iterator" in spec else name
                        items = list(coll.items()) if isinstance(coll, dict) else list(enumerate(coll))
                        for k, v in items:
                            inner = Scope(dict(scope.names))
                            inner.names[iterator] = {"key": k, "value": v}
                            out.setdefault(name, []).extend(
                                self.evaluate_body(b, inner) for b in spec["content"])
                continue
            if is_block_list(value):
                out[key] = [self.evaluate_body(b, scope) for b in value]
            else:
                out[key] = self.eval(parse_value(value), scope)
        return out

    def planned_resources(self) -> list[dict]:
        """Every resource instance the module would create: {'type', 'name', 'key', 'address', 'config'}."""
        planned = []
        for (rtype, rname), body in self.resources.items():
            for key, scope in self.instances(rtype, rname):
                address = f"{rtype}.{rname}" + ("" if key is None else f"[{key!r}]")
                planned.append({"type": rtype, "name": rname, "key": key, "address": address,
                                "config": self.evaluate_body(body, scope)})
        return planned


# ---------------------------------------------------------------------------------------------------------------
# The evaluator's own tests


def _module(tmp_path: Path, text: str, **variables: Any) -> Module:
    (tmp_path / "main.tf").write_text(text)
    return Module(tmp_path, variables)


def test_templates_references_and_operators(tmp_path: Path) -> None:
    module = _module(tmp_path, """
variable "stage" {
  type = string
}
locals {
  prefix  = "phoney-${var.stage}"
  quoted  = "a \\"b\\" ${local.prefix}"
  number  = 10 * 1000 * 0.8
  cond    = var.stage == "prod" ? "canary" : "all"
  settings = merge({ a = 1, b = 2 }, { for k, v in { b = null, c = 3 } : k => v if v != null })
  names   = [for k, v in local.settings : "${k}=${v}" if v > 1]
  arn     = "arn:${data.aws_partition.current.partition}:logs:${aws_kms_key.this.arn}"
  enc     = jsonencode({ x = "$context.requestId", y = [1, 2] })
}
data "aws_partition" "current" {}
resource "aws_kms_key" "this" {
  description = "key ${local.prefix}"
}
""", stage="prod")
    assert module.local("prefix") == "phoney-prod"
    assert module.local("quoted") == 'a "b" phoney-prod'
    assert module.local("number") == 8000
    assert module.local("cond") == "canary"
    assert module.local("settings") == {"a": 1, "b": 2, "c": 3}
    assert module.local("names") == ["b=2", "c=3"]
    assert module.local("arn") == "arn:${AWS::Partition}:logs:${aws_kms_key.this.arn}"
    assert json.loads(module.local("enc")) == {"x": "$context.requestId", "y": [1, 2]}
    (resource,) = module.planned_resources()
    assert resource["config"]["description"] == "key phoney-prod"


def test_count_for_each_and_try(tmp_path: Path) -> None:
    module = _module(tmp_path, """
variable "on" {
  type    = bool
  default = false
}
locals {
  alarms  = { a = { name = "x" }, b = { name = "y" } }
  missing = try(jsondecode(file("nope.json")), { fallback = true })
}
resource "aws_thing" "maybe" {
  count = var.on ? 1 : 0
  name  = "m"
}
resource "aws_thing" "many" {
  for_each = local.alarms
  name     = "${each.key}-${each.value.name}"
}
""")
    names = sorted(r["config"]["name"] for r in module.planned_resources())
    assert names == ["a-x", "b-y"]
    assert module.local("missing") == {"fallback": True}


def test_refuses_what_it_cannot_evaluate(tmp_path: Path) -> None:
    module = _module(tmp_path, """
locals {
  bad = sha256("x")
}
""")
    try:
        module.local("bad")
    except EvalError as error:
        assert "sha256" in str(error)
    else:
        raise AssertionError("an unsupported function must fail")
