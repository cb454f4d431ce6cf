"""vitnemal: vitnemål og kompetansebevis for videregående opplæring.

The domain core (``ids``, ``kodeverk``, ``model``, ``rules``, ``dokument``, ``sjekk``,
``arshjul``) is pure Python: it never imports Django, a database or a PDF library.
Adapters (``pdf``, ``cli``) sit around it.
"""

__version__ = "0.1.0"
