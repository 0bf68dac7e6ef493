"""The ``boardroom`` command.

    boardroom validate [PATH ...]   check question banks, review tools, question cards, routes and the glossary
    boardroom decode FILE [--json]  every acronym in a document, with its meanings
    boardroom schema [--check]      write (or check) exercises/quizzes/schema.json
    boardroom bank-figures [PATH ...]
                                    where each bank's right answers sit, as written
    boardroom results summarise DIR [--output DIR]
                                    a room's result files as summary.html and summary.csv

Problems print one a line as ``file:line: problem``; any problem exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .problems import Problem, ProblemsFound, display_path
from .glossary.data import GLOSSARY_DIR, glossary_files, load_glossary
from .cards.data import CARDS_DIR, card_files, load_cards
from .quiz.banks import BANK_DIR, check_bank, find_banks, load_bank
from .tools.data import TOOL_DIR, find_tools, load_tool
from .routes.data import ROUTES_PATH, load_routes
from .quiz.model import Bank

SCHEMA_PATH = BANK_DIR / "schema.json"


def bank_schema() -> str:
    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Question bank for Digital understanding for NHS leaders"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _targets(paths: list[str]) -> tuple[dict[str, list[Path]], list[Problem]]:
    """Sort the paths into question banks, review tools, card folders and glossary folders.

    A glossary or card file is checked with the rest of its folder: links,
    duplicates and titles span files.
    """
    found: dict[str, list[Path]] = {"banks": [], "tools": [], "cards": [], "glossaries": [], "routes": []}
    problems: list[Problem] = []
    defaults = [BANK_DIR, TOOL_DIR, CARDS_DIR, GLOSSARY_DIR, ROUTES_PATH]
    for path in [Path(p) for p in paths] or [d for d in defaults if d.exists()]:
        folder = path if path.is_dir() else path.parent
        if not path.exists():
            problems.append(Problem(display_path(path), 1, "no such file or folder"))
        elif path.name == ROUTES_PATH.name and not path.is_dir():
            found["routes"].append(path)
        elif folder.name == GLOSSARY_DIR.name:
            found["glossaries"].append(folder)
        elif folder.name == CARDS_DIR.name:
            found["cards"].append(folder)
        elif folder.name == TOOL_DIR.name:
            found["tools"].extend(find_tools(path) if path.is_dir() else [path])
        else:
            found["banks"].extend(find_banks(path) if path.is_dir() else [path])
    return {kind: sorted(set(items)) for kind, items in found.items()}, problems


def _check(load, target, problems: list[Problem]) -> int:
    """Run one loader, collecting its problems; how many things it loaded."""
    try:
        loaded = load(target)
    except ProblemsFound as found:
        problems.extend(found.problems)
        return 0
    return len(loaded) if isinstance(loaded, list) else 1


def validate(args: argparse.Namespace) -> int:
    targets, problems = _targets(args.paths)
    counts = {
        "bank(s)": sum(_check(check_bank, p, problems) for p in targets["banks"]),
        "tool(s)": sum(_check(load_tool, p, problems) for p in targets["tools"]),
        # exercises/questions sits two folders below the book's root, where the cards' pages are
        "question card(s)": sum(_check(lambda f: load_cards(f, f.resolve().parents[1]), f, problems)
                                for f in targets["cards"]),
        "glossary entries": sum(_check(load_glossary, f, problems) for f in targets["glossaries"]),
        # exercises/routes.yml too sits two folders below the book's root, whose pages it names
        "route(s)": sum(_check(lambda f: load_routes(f, f.resolve().parents[1]), f, problems) for f in targets["routes"]),
    }
    checked = len(targets["banks"]) + len(targets["tools"]) + len(targets["routes"]) + sum(
        len(card_files(f)) for f in targets["cards"]) + sum(len(glossary_files(f)) for f in targets["glossaries"])
    for problem in problems:
        print(problem)
    if problems:
        broken = len({p.path for p in problems})
        print(f"{len(problems)} problem(s) in {broken} file(s); {checked} file(s) checked.", file=sys.stderr)
        return 1
    if not checked:
        where = ", ".join(args.paths) or "exercises/quizzes, exercises/tools, exercises/questions, exercises/routes.yml or glossary"
        print(f"nothing to check in {where}", file=sys.stderr)
        return 1
    summary = ", ".join(f"{n} {what}" for what, n in counts.items() if n)
    print(f"{summary} checked: no problems.", file=sys.stderr)
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
            likely = " <- likely here" if len(found.senses) > 1 and sense.expansion == found.likely else ""
            print(f"{lead}  {sense.expansion} ({sense.category}{where}){likely}")
    likely = [u.acronym for u in result.unknowns if u.likely]
    ordinary = [u.acronym for u in result.unknowns if not u.likely]
    if likely:
        print(f"\nNot in the glossary ({len(likely)}), likely acronyms first: {', '.join(likely)}")
    if ordinary:
        print(f"{'' if likely else chr(10)}Probably ordinary words in capitals ({len(ordinary)}): {', '.join(ordinary)}")
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


def bank_figures(args: argparse.Namespace) -> int:
    """The measurements behind the giveaway checks, for each bank as written."""
    from .quiz.giveaways import measure

    paths = [Path(p) for p in args.paths] or [BANK_DIR]
    failed = False
    for path in paths:
        for bank_file in find_banks(path) if path.is_dir() else [path]:
            try:
                print(measure(load_bank(bank_file)).summary())
            except ProblemsFound as found:
                failed = True
                for problem in found.problems:
                    print(problem, file=sys.stderr)
    return 1 if failed else 0


def results_summarise(args: argparse.Namespace) -> int:
    from .results import summarise_folder

    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder}:1: no such folder", file=sys.stderr)
        return 1
    summary = summarise_folder(folder, args.output)
    for skipped in summary.skipped:
        print(f"skipped {folder / skipped.name}: {skipped.reason}")
    target = Path(args.output) if args.output else folder
    print(f"Read {summary.read} result file(s), skipped {len(summary.skipped)}. "
          f"Wrote {target / 'summary.html'} and {target / 'summary.csv'}.")
    if not summary.read:
        print(f"{folder}: no result file could be read", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="boardroom", description="Tools for the course Digital understanding for NHS leaders.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "validate", help="check question banks, review tools, question cards, routes and the glossary; print file:line: problem for each problem"
    )
    check.add_argument("paths", nargs="*", help=f"files or folders (default: {BANK_DIR}, {TOOL_DIR}, {CARDS_DIR}, {ROUTES_PATH} and {GLOSSARY_DIR})")
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
    figures = commands.add_parser(
        "bank-figures", help="for each bank as written: how often the right answer is the longest option, "
        "where right answers sit, the true/false balance and the shuffle setting")
    figures.add_argument("paths", nargs="*", help=f"bank files or folders (default: {BANK_DIR})")
    figures.set_defaults(run=bank_figures)
    results = commands.add_parser("results", help="work with learners' result files")
    results_commands = results.add_subparsers(dest="results_command", required=True)
    summarise = results_commands.add_parser(
        "summarise", help="summarise a folder of result files as summary.html (with charts) and summary.csv")
    summarise.add_argument("folder", help="the folder holding the learners' .json result files")
    summarise.add_argument("--output", help="where to write the summary (default: the same folder)")
    summarise.set_defaults(run=results_summarise)
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
