"""The type stubs describe what the extension defines."""

import ast
import inspect
from pathlib import Path

import unchaff

STUB = Path(unchaff.__file__).with_name("_unchaff.pyi")
# Types that exist for type checkers only (a TypedDict describing a plain dict).
TYPING_ONLY = {"Stats"}


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def parameters(function: ast.FunctionDef):
    args = function.args
    every = args.posonlyargs + args.args + args.kwonlyargs
    return [a.arg for a in every if a.arg not in ("self", "cls")]


def test_stub_names_are_defined():
    for node in stub_tree().body:
        if isinstance(node, ast.ClassDef) and node.name not in TYPING_ONLY:
            runtime = getattr(unchaff, node.name)
            for member in node.body:
                if isinstance(member, ast.FunctionDef):
                    assert hasattr(runtime, member.name), f"{node.name}.{member.name}"
        elif isinstance(node, ast.FunctionDef):
            assert hasattr(unchaff, node.name), node.name


def test_stub_signatures_are_the_runtime_signatures():
    for node in stub_tree().body:
        if isinstance(node, ast.FunctionDef):
            runtime = inspect.signature(getattr(unchaff, node.name))
            assert list(runtime.parameters) == parameters(node), node.name
        if isinstance(node, ast.ClassDef) and node.name in ("Extraction", "SiteProfile"):
            for member in node.body:
                is_method = isinstance(member, ast.FunctionDef) and not any(
                    isinstance(d, ast.Name) and d.id == "property" for d in member.decorator_list
                )
                if is_method and not member.name.startswith("__"):
                    runtime = inspect.signature(getattr(getattr(unchaff, node.name), member.name))
                    names = [p for p in runtime.parameters if p not in ("self", "cls")]
                    assert names == parameters(member), member.name


def test_exported_names():
    assert set(unchaff.__all__) == {
        "Extraction",
        "ExtractionError",
        "SiteProfile",
        "extract",
        "extract_batch",
        "host_of",
    }
    assert (Path(unchaff.__file__).parent / "py.typed").exists()
