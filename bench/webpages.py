"""Article text from HTML: trafilatura against kg's built-in reader, on a dozen news pages.

Usage: python bench/webpages.py [--readers trafilatura,builtin] [--rounds N] [--graph] [--download]

The pages are built at run time (never saved) from twelve BBC articles in
../shared/data/news/bbc/, one per page shape of tests/io/pages.py: a menu, cookie banner, share
bar, related links, reader comments, sidebar and footer around the article, as nav/aside, as
divs with class names, as hashed class names, in a layout table. For each reader it prints:
  kept      the article's sentences (headline included) found in the text kept, of all;
  leaked    pieces of page furniture found in the text kept, and after kg's own cleaning
            (kg.io.clean masks runs of menu-like lines: what the tagger sees);
  ms/page   time to read one page (mean of --rounds), and its ratio to the built-in reader;
  --graph   relations extracted whose sentence is not the article's (spaCy; slower);
  --download  pip download size of trafilatura and its dependencies (asks the package index).
Run on main (PYTHONPATH=/path/to/main) for the reader as it was before: there extract_article
takes no reader and the figures are printed under "builtin".
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import importlib.util
import inspect
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.io import extract_article, prepare_text
from kg.records import Document

# The page shapes are loaded from this checkout's file, so the same pages can be read by another
# checkout's kg (PYTHONPATH=/path/to/main python bench/webpages.py).
_spec = importlib.util.spec_from_file_location(
    "pages", Path(__file__).resolve().parents[1] / "tests/io/pages.py"
)
assert _spec and _spec.loader
pages_module = importlib.util.module_from_spec(_spec)
sys.modules["pages"] = pages_module
_spec.loader.exec_module(pages_module)
SHAPES, Page, news_page = pages_module.SHAPES, pages_module.Page, pages_module.news_page

BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc"
ARTICLES = [f"{topic}/{n:03d}.txt" for n in (1, 2, 3) for topic in ("business", "politics", "tech", "sport")]
_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"'])")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def bbc_pages() -> list[Page]:
    pages = []
    for shape, name in zip(SHAPES, ARTICLES, strict=True):
        raw = (BBC / name).read_bytes().decode("utf-8", errors="replace")
        blocks = [squash(b) for b in re.split(r"\n\s*\n", raw) if b.strip()]
        pages.append(news_page(shape, blocks[0], tuple(blocks[1:])))
    return pages


def sentences(page: Page) -> list[str]:
    return [page.headline, *(s for p in page.paragraphs for s in _SENTENCE_END.split(p) if s)]


def read(page: Page, reader: str) -> str:
    if "reader" in inspect.signature(extract_article).parameters:
        return extract_article(page.html, reader=reader).text  # type: ignore[call-arg]
    return extract_article(page.html).text


def leaked(page: Page, text: str) -> int:
    article = squash(" ".join((page.headline, *page.paragraphs)))
    flat = squash(text)
    return sum(1 for piece in page.furniture if piece in flat and piece not in article)


def figures(pages: list[Page], reader: str, rounds: int) -> dict[str, float]:
    texts = [read(page, reader) for page in pages]
    started = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            read(page, reader)
    ms = (time.perf_counter() - started) * 1000 / (rounds * len(pages))
    wanted = [s for page in pages for s in sentences(page)]
    kept = sum(
        1 for page, text in zip(pages, texts, strict=True) for s in sentences(page) if s in squash(text)
    )
    return {
        "kept": kept / len(wanted),
        "leaked": sum(leaked(p, t) for p, t in zip(pages, texts, strict=True)),
        "leaked_clean": sum(leaked(p, prepare_text(t)) for p, t in zip(pages, texts, strict=True)),
        "ms": ms,
        "pages_clean": sum(1 for p, t in zip(pages, texts, strict=True) if not leaked(p, t)),
    }


def foreign_relations(pages: list[Page], reader: str) -> tuple[int, int]:
    """(relations whose sentence is not in the article, all relations)."""
    from kg.extract import extract

    docs = [Document(f"{p.shape}.html", read(p, reader), source=f"{p.shape}.html") for p in pages]
    articles = {f"{p.shape}.html": squash(" ".join((p.headline, *p.paragraphs))) for p in pages}
    foreign = total = 0
    for ex in extract(docs):
        for rel in ex.relations:
            total += 1
            sentence = squash(ex.document.text[rel.sentence_start : rel.sentence_end])
            foreign += sentence not in articles[ex.document.id]
    return foreign, total


def installed_size(package: str) -> tuple[int, list[str], int]:
    """Bytes on disk of ``package`` and the dependencies only it brings to kg's core install,
    their names, and the bytes of the whole core install."""
    core = _closure("kg")
    others = _closure("kg", skip=package)
    extra = sorted(_closure(package) - others)
    return _size(extra), extra, _size(core | set(extra))


def _size(names: set[str] | list[str]) -> int:
    return sum(f.size or 0 for name in names for f in (md.distribution(name).files or []))


def _closure(name: str, skip: str = "") -> set[str]:
    """The distribution ``name`` and every one it requires (with the extras asked for), installed."""
    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = [Requirement(name)]
    while todo:
        req = todo.pop()
        current = req.name.lower().replace("_", "-")
        key = current + "".join(f"[{e}]" for e in sorted(req.extras))
        if key in seen or current == skip:
            continue
        try:
            requires = md.distribution(current).requires or []
        except md.PackageNotFoundError:
            continue
        seen.update({key, current})
        for line in requires:
            sub = Requirement(line)
            wanted = [{"extra": extra} for extra in req.extras] or [{"extra": ""}]
            if sub.marker is None or any(sub.marker.evaluate(env) for env in wanted):
                todo.append(sub)
    return {name for name in seen if "[" not in name}


def download_size(package: str) -> int:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "-d", folder, package], check=True)
        return sum(f.stat().st_size for f in Path(folder).iterdir())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", default="trafilatura,builtin")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--graph", action="store_true")
    parser.add_argument("--download", action="store_true")
    args = parser.parse_args()
    pages = bbc_pages()
    n_sentences = sum(len(sentences(p)) for p in pages)
    print(f"{len(pages)} pages from BBC articles, {n_sentences} article sentences, "
          f"{len(pages) * len(pages[0].furniture)} pieces of furniture")  # fmt: skip
    print(f"{'reader':13}{'kept':>8}{'leaked':>8}{'clean':>7}{'pages ok':>10}{'ms/page':>9}{'ratio':>7}")
    results = {reader: figures(pages, reader, args.rounds) for reader in args.readers.split(",")}
    base = results.get("builtin", next(iter(results.values())))["ms"]
    for reader, f in results.items():
        print(f"{reader:13}{f['kept']:>8.1%}{f['leaked']:>8.0f}{f['leaked_clean']:>7.0f}"
              f"{f['pages_clean']:>7.0f}/{len(pages)}{f['ms']:>9.1f}{f['ms'] / base:>7.1f}")  # fmt: skip
    if args.graph:
        for reader in results:
            foreign, total = foreign_relations(pages, reader)
            print(f"{reader}: {foreign} of {total} relations come from outside the article")
    if "trafilatura" in results:
        size, extra, whole = installed_size("trafilatura")
        print(
            f"trafilatura installs {size / 1e6:.1f} MB in {len(extra)} packages ({', '.join(extra)}); "
            f"the default install of kg with them: {whole / 1e6:.0f} MB"
        )
        if args.download:
            mb = download_size("trafilatura") / 1e6
            print(f"pip download trafilatura (with every dependency): {mb:.1f} MB")


if __name__ == "__main__":
    main()
