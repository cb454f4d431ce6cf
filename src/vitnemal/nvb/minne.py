"""The cyclic garbage collector paused while a whole file is read or checked.

Speed (measured with bench/nvb.py and gc callbacks, 50,000 documents): reading keeps about a
million records, and the collector's passes over that growing heap free nothing — they took
~40 % of the parse time; during the file control, whose per-document objects are freed by
reference counting as it goes, thirteen generation-1 and one full pass over the parsed file
took 2 of 7.8 CPU seconds. Neither the records nor the control's objects form reference
cycles, so nothing waits for the collector; the few cycles the parser makes (an ¤A block and
its documents) are freed at the collector's next run after the pause. The records are tuple
subclasses, which the collector tracks for good (CPython untracks only exact tuples), so any
later full pass still walks them: a long-running caller holding many files pays that.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def uten_syklisk_gc():
    """Pause the cyclic collector; restore it as it was (re-entrant)."""
    var_paa = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if var_paa:
            gc.enable()
