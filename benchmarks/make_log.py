# The project's copy of the shared benchmark generator (shared/bench/make_log.py).
"""Write a synthetic daily learning log: a Jekyll-style Markdown repo to test and benchmark against.

    python make_log.py OUT --days 366              # a clean year of daily posts
    python make_log.py OUT --days 36600 --body-kb 2
    python make_log.py OUT --days 366 --faults 12  # plus known mistakes, listed in OUT/faults.json
    python make_log.py OUT --days 60 --git         # one commit per post, dated the post's evening
    python make_log.py OUT --days 3660 --front-matter toml   # the same log as a Hugo log in TOML
    python make_log.py OUT --days 3660 --front-matter hugo-yaml   # ... and in YAML, for comparison

Layout written (the same every time for the same arguments):
    OUT/learnlog.toml                  the log's configuration (see shared/PRODUCT.md)
    OUT/_posts/YYYY-MM-DD-day-N.md     one post per day, front matter + Markdown body
    OUT/faults.json                    with --faults: [{"kind", "path", "day"}] of every injected mistake

Fault kinds: two-posts-one-day, missing-day, date-number-mismatch, unknown-tag, no-tags,
missing-title, title-number-mismatch, broken-yaml, topic-without-mode, duplicate-number.
Only the standard library is used, so the script runs anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
from pathlib import Path

# The vocabulary of the seed blog: two modes and the topics that each post pairs with one of them.
MODES = {
    "theory": "Consuming theoretical content: books, papers, lectures, videos.",
    "practice": "Doing exercises, or working on projects and notebooks.",
}
TOPICS = {
    "traditional-ml": "Linear models, trees, ensembles, clustering, dimensionality reduction.",
    "conv-nn": "Vision models: CNN architectures, GANs, detection and localisation.",
    "nlp": "Text: word2vec, GloVe, RNNs, attention, transformers, RAG, LoRA.",
    "graph-nn": "Graph neural networks: node2vec, GCN, GAT, graphormer.",
    "audio-speech-ai": "Audio and speech models.",
    "mlops": "A model's life from data to deployment, monitoring and maintenance.",
    "math-for-ml": "Linear algebra, matrix decomposition, calculus, backpropagation by hand.",
    "data-eng": "Pipelines, databases, batch, streaming, table formats, data quality.",
}
TYPOS = {
    "nlp": "nlpp",
    "mlops": "ml-ops",
    "data-eng": "data-engineering",
    "traditional-ml": "traditiona-ml",
    "math-for-ml": "mathematics",
    "theory": "Theory ",
}
WORDS = [
    "model",
    "data",
    "loss",
    "gradient",
    "tensor",
    "pipeline",
    "schema",
    "feature",
    "batch",
    "stream",
    "layer",
    "attention",
    "embedding",
    "graph",
    "node",
    "edge",
    "kernel",
    "matrix",
    "vector",
    "eigenvalue",
    "regression",
    "tree",
    "forest",
    "boosting",
    "cluster",
    "deploy",
    "monitor",
    "drift",
    "metric",
    "notebook",
    "lecture",
    "chapter",
    "exercise",
]
FAULT_KINDS = (
    "two-posts-one-day",
    "missing-day",
    "date-number-mismatch",
    "unknown-tag",
    "no-tags",
    "missing-title",
    "title-number-mismatch",
    "broken-yaml",
    "topic-without-mode",
    "duplicate-number",
)

CONFIG = """\
# Configuration of this learning log (written by make_log.py).
posts = "_posts"
filename = "{{date}}-day-{{day}}.md"
start = {start}
timezone = "UTC"
tags_field = "categories"
title = "(Day {{day}}) {{text}}"
index_dir = "tags"

[tags]
{tags}

[[require]]
when_any = [{topics}]
need_one_of = ["theory", "practice"]
"""


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 18))
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, day: int, kb: float) -> str:
    target = max(200, int(rng.lognormvariate(0, 0.6) * kb * 1024))
    parts = [f"## Hello :) Today is Day {day}!", "A quick summary of today:"]
    parts += [f"* {sentence(rng)}" for _ in range(rng.randint(1, 4))]
    size = sum(map(len, parts))
    while size < target:
        pick = rng.random()
        if pick < 0.15:
            chunk = f"### {sentence(rng)[:-1]}"
        elif pick < 0.25:
            chunk = (
                "```python\n"
                + "\n".join(f"x_{i} = {i} * {rng.random():.3f}" for i in range(rng.randint(2, 8)))
                + "\n```"
            )
        elif pick < 0.30:
            chunk = f"![image](https://example.org/img/{day}-{rng.randint(0, 999)}.png)"
        else:
            chunk = " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))
        parts.append(chunk)
        size += len(chunk)
    parts.append("That is all for today!")
    return "\n\n".join(parts) + "\n"


HUGO_CONFIG = """\
preset = "hugo"               # the same log, read as a Hugo log
required = ["title"]
"""


def toml_post_text(day: int, tags: list[str] | None, title: str | None, text: str) -> str:
    lines = ["+++", 'layout = "post"']
    if title is not None:
        lines.append(f"title = {json.dumps(title)}")
    if tags is not None:
        lines.append(f"categories = [{', '.join(json.dumps(tag) for tag in tags)}]")
    return "\n".join([*lines, "+++", "", text])


def post_text(day: int, tags: list[str] | None, title: str | None, text: str) -> str:
    lines = ["---", "layout: post"]
    if title is not None:
        lines.append(f"title: {title}")
    if tags is not None:
        lines.append(f"categories: [{','.join(tags)}]")
    return "\n".join([*lines, "---", "", text])


def choose_tags(rng: random.Random) -> list[str]:
    modes = rng.sample(sorted(MODES), k=rng.choice((1, 1, 2)))
    topics = rng.sample(sorted(TOPICS), k=rng.randint(1, 3))
    return modes + topics


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--days", type=int, default=366)
    ap.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2024, 1, 2))
    ap.add_argument(
        "--body-kb", type=float, default=9.0, help="mean body size; the seed blog's is about 9 KB"
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--faults", type=int, default=0, help="how many known mistakes to inject")
    ap.add_argument("--git", action="store_true", help="commit each post, dated its own evening")
    ap.add_argument(
        "--front-matter",
        choices=("yaml", "hugo-yaml", "toml"),
        default="yaml",
        help="yaml: a Jekyll log; hugo-yaml and toml: the same posts as a Hugo log (preset hugo)",
    )
    args = ap.parse_args()

    rng = random.Random(args.seed)
    posts_dir = args.out / "_posts"
    posts_dir.mkdir(parents=True, exist_ok=True)
    tags_toml = "\n".join(f'{name} = "{text}"' for name, text in {**MODES, **TOPICS}.items())
    topics_toml = ", ".join(f'"{t}"' for t in TOPICS)
    hugo = HUGO_CONFIG if args.front_matter != "yaml" else ""
    (args.out / "learnlog.toml").write_text(
        hugo + CONFIG.format(start=args.start, tags=tags_toml, topics=topics_toml)
    )
    render = toml_post_text if args.front_matter == "toml" else post_text

    # Plan every post, then let faults bend some of them.
    plan = []
    for day in range(1, args.days + 1):
        date = args.start + dt.timedelta(days=day - 1)
        plan.append(
            {
                "day": day,
                "date": date,
                "tags": choose_tags(rng),
                "title": f"(Day {day}) {sentence(rng)[:-1]}",
                "name_day": day,
                "yaml_break": False,
            }
        )
    faults = []
    fault_days = rng.sample(range(2, args.days), k=min(args.faults, max(0, args.days - 2)))
    for i, day in enumerate(fault_days):
        kind = FAULT_KINDS[i % len(FAULT_KINDS)]
        p = plan[day - 1]
        if kind == "two-posts-one-day":
            p["date"] -= dt.timedelta(days=1)
        elif kind == "missing-day":
            p["skip"] = True
        elif kind == "date-number-mismatch":
            p["date"] += dt.timedelta(days=rng.choice((-30, 30, 1)))
            p["date"] = p["date"] if p["date"] != plan[day]["date"] else p["date"] + dt.timedelta(days=40)
        elif kind == "unknown-tag":
            good = [t for t in p["tags"] if t in TYPOS]
            if good:
                p["tags"][p["tags"].index(good[0])] = TYPOS[good[0]]
            else:
                p["tags"].append("misc")
        elif kind == "no-tags":
            p["tags"] = []
        elif kind == "missing-title":
            p["title"] = None
        elif kind == "title-number-mismatch":
            p["title"] = p["title"].replace(f"(Day {day})", f"(Day {day + 1})")
        elif kind == "broken-yaml":
            p["yaml_break"] = True
        elif kind == "topic-without-mode":
            p["tags"] = [t for t in p["tags"] if t not in MODES]
        elif kind == "duplicate-number":
            p["name_day"] = day - 1
            p["title"] = p["title"].replace(f"(Day {day})", f"(Day {day - 1})")
        faults.append({"kind": kind, "day": day})

    written = []
    for p in plan:
        if p.get("skip"):
            continue
        name = f"{p['date'].isoformat()}-day-{p['name_day']}.md"
        path = posts_dir / name
        if path.exists():  # a fault can land two posts on one name; keep both visible
            name = f"{p['date'].isoformat()}-day-{p['name_day']}-b.md"
            path = posts_dir / name
        text = render(p["name_day"], p["tags"], p["title"], body(rng, p["name_day"], args.body_kb))
        if p["yaml_break"]:
            text = text.replace("categories: [", "categories: [\n  - ", 1)
            text = text.replace("categories = [", "categories = [\n  - ", 1)
        path.write_text(text, encoding="utf-8")
        written.append((p, path))
        for f in faults:
            if f["day"] == p["day"]:
                f["path"] = str(path.relative_to(args.out))
    if args.faults:
        (args.out / "faults.json").write_text(json.dumps(faults, indent=2) + "\n")

    if args.git:

        def git(*cmd: str, env: dict | None = None) -> None:
            subprocess.run(
                ["git", "-C", str(args.out), *cmd],
                check=True,
                capture_output=True,
                env={**os.environ, **(env or {})},
            )

        git("init", "-q", "-b", "main")
        git("add", "learnlog.toml")
        git("-c", "user.name=log", "-c", "user.email=log@example.org", "commit", "-q", "-m", "config")
        for p, path in written:
            stamp = f"{p['date'].isoformat()}T21:30:00+00:00"
            git("add", str(path.relative_to(args.out)))
            git(
                "-c",
                "user.name=log",
                "-c",
                "user.email=log@example.org",
                "commit",
                "-q",
                "-m",
                f"day {p['day']}",
                env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
            )


if __name__ == "__main__":
    main()
