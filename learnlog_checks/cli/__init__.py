"""The command line: the Typer app (`app`) and one module per command, each with a `run` or the
command's body; `entry` calls `check.run` directly for the fast start.
"""
