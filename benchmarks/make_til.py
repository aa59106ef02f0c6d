"""Write a synthetic TIL repo: topic folders of Markdown entries, and a README listing every entry.

    python make_til.py OUT --entries 20000 --topics 20

Each entry `topic-NN/entry-NNNNN.md` opens with its `# ` title, then about 2 KB of notes; the README
lists them between the index markers as `index` writes them, so the repo checks clean.
"""

from __future__ import annotations

import argparse
from pathlib import Path

BODY = ("Notes on what I learned today, with a short example and a link or two. " * 28).strip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--topics", type=int, default=20)
    args = parser.parse_args()
    root: Path = args.out
    listing: dict[str, list[tuple[str, str]]] = {}
    for n in range(args.entries):
        topic = f"topic-{n % args.topics:02d}"
        name = f"{topic}/entry-{n:05d}.md"
        title = f"Entry {n:05d}"
        (root / topic).mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"# {title}\n\n{BODY}", encoding="utf-8")
        listing.setdefault(topic, []).append((title, name))
    lines = ["# TIL", "", "<!-- learnlog:index start -->", f"_{args.entries:,} TILs and counting_"]
    for topic in sorted(listing):
        lines += ["", f"### {topic}", ""]
        lines += [f"- [{title}]({name})" for title, name in sorted(listing[topic])]
    lines += ["<!-- learnlog:index end -->", ""]
    (root / "README.md").write_text("\n".join(lines), encoding="utf-8")
    (root / "learnlog.toml").write_text('preset = "til"\n', encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
