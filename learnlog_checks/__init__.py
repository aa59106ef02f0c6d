"""learnlog-checks: lint a Git learning log of Markdown posts and keep its tag index current."""

__version__ = "0.1.0"
