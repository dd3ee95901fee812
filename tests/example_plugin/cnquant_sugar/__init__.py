"""cnquant-sugar: the vocabulary of the sugar industry, as a cnquant plugin.

The data files next to this module are the plugin; this module only points
cnquant at them (the entry point ``sugar = "cnquant_sugar:plugin"``).
"""

from cnquant.plugins import Plugin

plugin = Plugin.from_module(__name__)
