"""learnlog-checks: lint a Git learning log of Markdown posts and keep its tag index current."""

__version__ = "0.1.0"
# The project's home: the README, the files `init` writes and the package metadata all name this.
HOME = "https://github.com/learnlog/learnlog-checks"
