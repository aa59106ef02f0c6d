"""Commands other than `check`, one module each; cli.py registers them. Only stdlib and typer at the top."""
