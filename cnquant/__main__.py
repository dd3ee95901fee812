"""``python -m cnquant``: the command line (see :mod:`cnquant.cli`)."""

from cnquant.cli import main

raise SystemExit(main())
