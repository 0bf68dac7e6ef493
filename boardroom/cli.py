"""The ``boardroom`` command.

    boardroom validate [PATH ...]   check question banks and the glossary
    boardroom decode FILE [--json]  every acronym in a document, with its meanings
    boardroom schema [--check]      write (or check) exercises/quizzes/schema.json

Problems print one a line as ``file:line: problem``; any problem exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .problems import Problem, ProblemsFound, display_path
from .glossary.data import GLOSSARY_DIR, glossary_files, load_glossary
from .quiz.banks import BANK_DIR, find_banks, load_bank
from .quiz.model import Bank

SCHEMA_PATH = BANK_DIR / "schema.json"


def bank_schema() -> str:
    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Question bank for Digital understanding for NHS leaders"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _targets(paths: list[str]) -> tuple[list[Path], list[Path], list[Problem]]:
    """Sort the paths into question banks and glossary folders.

    A glossary file is checked with the rest of its folder: its related-term
    links and duplicates span files.
    """
    banks: list[Path] = []
    glossaries: list[Path] = []
    problems: list[Problem] = []
    defaults = [BANK_DIR, GLOSSARY_DIR]
    for path in [Path(p) for p in paths] or [d for d in defaults if d.is_dir()]:
        if path.name == GLOSSARY_DIR.name and path.is_dir():
            glossaries.append(path)
        elif path.is_file() and path.parent.name == GLOSSARY_DIR.name:
            glossaries.append(path.parent)
        elif path.is_dir():
            banks.extend(find_banks(path))
        elif path.is_file():
            banks.append(path)
        else:
            problems.append(Problem(display_path(path), 1, "no such file or folder"))
    return banks, sorted(set(glossaries)), problems


def validate(args: argparse.Namespace) -> int:
    banks, glossaries, problems = _targets(args.paths)
    checked = len(banks)
    for path in banks:
        try:
            load_bank(path)
        except ProblemsFound as found:
            problems.extend(found.problems)
    entries = 0
    for folder in glossaries:
        checked += len(glossary_files(folder))
        try:
            entries += len(load_glossary(folder))
        except ProblemsFound as found:
            problems.extend(found.problems)
    for problem in problems:
        print(problem)
    if problems:
        broken = len({p.path for p in problems})
        print(f"{len(problems)} problem(s) in {broken} file(s); {checked} file(s) checked.", file=sys.stderr)
        return 1
    if not checked:
        print(f"nothing to check in {', '.join(args.paths) or 'exercises/quizzes or glossary'}", file=sys.stderr)
        return 1
    glossary_note = f", {entries} glossary entries" if glossaries else ""
    print(f"{len(banks)} bank(s){glossary_note} checked: no problems.", file=sys.stderr)
    return 0


def decode(args: argparse.Namespace) -> int:
    from .glossary.decoder import decode as decode_text
    from .glossary.decoder import table
    from .glossary.extract import extract_text

    try:
        text = extract_text(Path(args.file))
        known = table(load_glossary(Path(args.glossary)))
    except ProblemsFound as found:
        for problem in found.problems:
            print(problem, file=sys.stderr)
        return 1
    result = decode_text(text, known)
    if args.json:
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
        return 0
    if not result.acronyms and not result.unknown:
        print(f"{args.file}: no acronyms found.")
        return 0
    width = max([len("Acronym"), *(len(f.acronym) for f in result.acronyms)])
    print(f"{'Acronym'.ljust(width)}  Count  Meaning")
    for found in result.acronyms:
        for i, sense in enumerate(found.senses):
            lead = f"{found.acronym.ljust(width)}  {str(found.count).rjust(5)}" if i == 0 else " " * (width + 7)
            where = f"; {sense.hint}" if sense.hint else ""
            print(f"{lead}  {sense.expansion} ({sense.category}{where})")
    if result.unknown:
        print(f"\nNot in the glossary ({len(result.unknown)}): {', '.join(result.unknown)}")
    return 0


def schema(args: argparse.Namespace) -> int:
    text = bank_schema()
    target = Path(args.output)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target}:1: schema is out of date: run 'boardroom schema'", file=sys.stderr)
            return 1
        print(f"{target} is up to date.", file=sys.stderr)
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="boardroom", description="Tools for the course Digital understanding for NHS leaders.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "validate", help="check question banks and the glossary; print file:line: problem for each problem"
    )
    check.add_argument("paths", nargs="*", help=f"bank files or folders, or the glossary folder (default: {BANK_DIR} and {GLOSSARY_DIR})")
    check.set_defaults(run=validate)
    decoder = commands.add_parser("decode", help="list every acronym in a document with its meanings")
    decoder.add_argument("file", help="a .txt, .md, .html, .docx or .pdf file")
    decoder.add_argument("--json", action="store_true", help="print JSON: acronyms with counts and senses, and unknown tokens")
    decoder.add_argument("--glossary", default=str(GLOSSARY_DIR), help=f"the glossary folder (default: {GLOSSARY_DIR})")
    decoder.set_defaults(run=decode)
    export = commands.add_parser("schema", help="write the question-bank JSON Schema for editors")
    export.add_argument("--output", default=str(SCHEMA_PATH), help=f"where to write it (default: {SCHEMA_PATH})")
    export.add_argument("--check", action="store_true", help="only check that the file is up to date")
    export.set_defaults(run=schema)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except OSError as err:
        print(f"boardroom: {err.filename or ''}: {err.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
