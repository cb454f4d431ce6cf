"""A laid-out page: drawing operations in reading order, in mm from the top-left corner.

The layout produces ``Side`` objects; the renderer turns them into PDF content. The order of
``ops`` is the order of drawing and therefore the order in which text is extracted or copied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vitnemal.pdf import fonts

#: Operation tuples (kept as plain tuples: thousands per second are built):
#: ("T", x, y, font, size, text)        text with its left end at x, baseline y
#: ("L", x1, y1, x2, y2, dashed)        a line
#: ("B", x, y, w, h)                    a rectangle (the DUPLIKAT stamp's frame)
#: ("W", text)                          the UTKAST watermark, across the page


@dataclass(slots=True)
class Side:
    ops: list[tuple] = field(default_factory=list)

    def text(self, x: float, y: float, s: str, font: str = "R", size: float = 11.0,
             align: str = "l") -> None:
        """Place ``s`` with its left end (``l``), right end (``r``) or centre (``c``) at x."""
        if not s:
            return
        if align != "l":
            w = fonts.width(s, font, size)
            x = x - w if align == "r" else x - w / 2
        self.ops.append(("T", x, y, font, size, s))

    def line(self, x1: float, y1: float, x2: float, y2: float, dashed: bool = False) -> None:
        self.ops.append(("L", x1, y1, x2, y2, dashed))

    def box(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(("B", x, y, w, h))

    def watermark(self, s: str) -> None:
        self.ops.append(("W", s))

    def texts(self) -> list[str]:
        """The texts in drawing order (for tests and the reading-order check)."""
        return [op[5] for op in self.ops if op[0] == "T"]
