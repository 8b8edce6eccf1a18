"""Report how complete the relations data is, and keep data/README.md's coverage section true.

    python -m tools.coverage            # print the report: precision counts and the checkpoint table
    python -m tools.coverage --write    # rewrite the generated section of data/README.md
    python -m tools.coverage --check    # exit 1 if that section is out of date (the test suite does this too)

Run by a developer after changing the data (not by the app, which never writes data/).
"""

from __future__ import annotations

import argparse
import sys

from atlas.data.loading import data_dir, load_relations_data, read_table
from atlas.queries.coverage import (
    checkpoint_table,
    coverage_markdown,
    current_section,
    precision_counts,
    replace_section,
)
from atlas.queries.relations import RelationsIndex


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the coverage section of data/README.md")
    mode.add_argument("--check", action="store_true", help="fail if the coverage section is out of date")
    args = parser.parse_args(argv)

    folder = data_dir()
    index = RelationsIndex(load_relations_data(folder))
    checkpoints = read_table("checkpoints", folder)
    section = coverage_markdown(index, checkpoints)
    readme_path = folder / "README.md"
    readme = readme_path.read_text(encoding="utf-8")

    if args.write:
        readme_path.write_text(replace_section(readme, section), encoding="utf-8")
        print(f"rewrote the coverage section of {readme_path}")
        return 0
    if args.check:
        if current_section(readme) != section:
            print("data/README.md: the coverage section is out of date; run python -m tools.coverage --write")
            return 1
        print("data/README.md coverage section is up to date")
        return 0

    print("Establishment dates by precision:")
    for name, count in precision_counts(index.data.relations).items():
        print(f"  {name:>15}: {count}")
    table = checkpoint_table(index, checkpoints)
    print(f"\nDPRK checkpoints ({len(table)}):")
    print(table[["date", "published", "ours", "diff"]].to_string(index=False) if len(table) else "  none yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
