"""``python -m bot.cli``: the same command line as ``telework-bot``."""

from bot.cli.main import main

main()
