"""Parsing JSON and YAML text into plain data, hardened against hostile input.

Bounds, each with a Norwegian message (``Ulesbar`` with line and column where known):
nesting depth (``MAKS_DYBDE``), digits of an integer (``MAKS_SIFFER``: Python refuses to
convert more than 4300 and a long «1:2:3…» base-60 YAML integer costs quadratic time), YAML
aliases (``MAKS_ALIAS``) and the nodes they add when expanded (``MAKS_ALIAS_NODER``, against
«billion laughs»). Keys must be text and appear once per object: a duplicate key is an error
naming the key, not a silent «last one wins». The parser's own messages are English; every one
is replaced by a Norwegian text (``_JSON``, ``_YAML``), never passed through.
"""

from __future__ import annotations

import json
import re

import yaml
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from vitnemal.io.les import Ulesbar
from vitnemal.meldinger import kort, navn

#: Objects and lists inside each other; an elevmappe needs six.
MAKS_DYBDE = 20
#: Digits of one integer; the longest number in an elevmappe is an 11-digit fødselsnummer.
MAKS_SIFFER = 30
#: YAML aliases (``*navn``) in one file, and the nodes they may add when expanded.
MAKS_ALIAS = 100
MAKS_ALIAS_NODER = 10_000

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


# --- JSON ---------------------------------------------------------------------------------------

class _Stopp(Exception):
    """Raised from inside the JSON decoder's hooks; carries the Norwegian message."""


def _json_objekt(par: list[tuple[str, object]]) -> dict:
    ut: dict = {}
    for key, value in par:
        if key in ut:
            raise _Stopp(f"nøkkelen «{navn(key)}» står to ganger i samme objekt; bare én "
                         "verdi er tillatt")
        ut[key] = value
    return ut


def _json_heltall(tekst: str) -> int:
    siffer = len(tekst.lstrip("-"))
    if siffer > MAKS_SIFFER:
        raise _Stopp(f"et tall har {siffer} siffer; høyst {MAKS_SIFFER} er tillatt")
    return int(tekst)


# Every message of CPython's JSON decoder (3.11–3.14), in bokmål.
_JSON = [
    ("Expecting value", "forventet en verdi (tekst i anførselstegn, tall, true, false, null, "
                        "objekt eller liste)"),
    ("Expecting property name enclosed in double quotes",
     "forventet et feltnavn i doble anførselstegn"),
    ("Expecting ':' delimiter", "forventet kolon etter feltnavnet"),
    ("Expecting ',' delimiter", "forventet komma mellom verdiene"),
    ("Unterminated string starting at", "teksten som begynner her, mangler avsluttende "
                                        "anførselstegn"),
    ("Invalid control character", "kontrolltegn (som linjeskift eller tabulator) er ikke "
                                  "tillatt inne i en tekst; skriv \\n eller \\t"),
    ("Invalid \\uXXXX escape", "ugyldig \\u-kode (skal være \\u og fire heksadesimale sifre)"),
    ("Invalid \\escape", "ugyldig skråstrek-kode i teksten (tillatt: \\\" \\\\ \\/ \\b \\f "
                         "\\n \\r \\t \\uXXXX)"),
    ("Extra data", "mer innhold etter slutten av objektet (filen skal inneholde én verdi)"),
    ("Illegal trailing comma", "komma etter siste verdi er ikke tillatt"),
]


def _json_melding(msg: str) -> str:
    for engelsk, norsk in _JSON:
        if msg.startswith(engelsk):
            return norsk
    return "ugyldig JSON-syntaks"


_SURROGAT = re.compile("[\ud800-\udfff]")


def etterkontroll(data: object) -> None:
    """Nesting depth and text of parsed data (iterative: the data may be deep). A lone UTF-16
    surrogate (JSON ``"\\ud800"``) is no character: it cannot be printed or written, so it is
    refused here rather than failing at the first print."""
    stabel = [(data, 1)]
    while stabel:
        obj, d = stabel.pop()
        if isinstance(obj, str):
            if not obj.isascii() and _SURROGAT.search(obj):
                raise Ulesbar("filen inneholder en ugyldig \\u-kode (et halvt surrogatpar, "
                              "som ikke er et tegn)")
            continue
        if isinstance(obj, dict):
            stabel.extend((key, d) for key in obj)
            obj = obj.values()
        elif not isinstance(obj, list):
            continue
        if d > MAKS_DYBDE:
            raise Ulesbar(_for_dypt())
        stabel.extend((child, d + 1) for child in obj)


def _for_dypt() -> str:
    return f"filen er nestet for dypt (mer enn {MAKS_DYBDE} nivåer med objekter og lister)"


def les_json(tekst: str) -> object:
    """Parse JSON text; raises ``Ulesbar`` with a Norwegian message."""
    try:
        data = json.loads(tekst, object_pairs_hook=_json_objekt, parse_int=_json_heltall)
    except json.JSONDecodeError as exc:
        raise Ulesbar(f"filen er ikke gyldig JSON: {_json_melding(exc.msg)}", exc.lineno,
                      exc.colno) from None
    except _Stopp as exc:
        raise Ulesbar(str(exc)) from None
    except RecursionError:
        raise Ulesbar(_for_dypt()) from None
    etterkontroll(data)
    return data


# --- YAML ---------------------------------------------------------------------------------------

class _Feil(yaml.MarkedYAMLError):
    """A limit or rule of ours broken while composing, at a place in the file."""

    def __init__(self, melding: str, mark):
        super().__init__(problem=melding, problem_mark=mark)
        self.norsk = melding


class Laster(yaml.SafeLoader):
    """PyYAML's safe loader with bounds on depth, aliases and integers, text keys only and no
    duplicate keys. ``compose`` is where aliases are resolved, so that is where they are
    counted: each alias adds the size of the node it points at."""

    def __init__(self, tekst: str):
        super().__init__(tekst)
        self._dybde = 0
        self._alias = 0
        self._ekstra = 0
        self._noder: dict[int, int] = {}  # id(node) -> nodes when aliases are expanded

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            if node is not None:
                self._alias += 1
                if self._alias > MAKS_ALIAS:
                    raise _Feil(f"filen har mer enn {MAKS_ALIAS} alias (*navn); skriv verdiene ut "
                                "i stedet", event.start_mark)
                storrelse = self._noder.get(id(node))
                if storrelse is None:
                    raise _Feil(f"aliaset *{navn(event.anchor)} peker på noe det selv står i",
                                event.start_mark)
                self._ekstra += storrelse
                if self._ekstra > MAKS_ALIAS_NODER:
                    raise _Feil(f"aliasene (*navn) ville gjøre filen over {MAKS_ALIAS_NODER} "
                                "verdier større; skriv verdiene ut i stedet", event.start_mark)
            return super().compose_node(parent, index)
        samling = self.check_event(MappingStartEvent, SequenceStartEvent)
        if samling:
            self._dybde += 1
            if self._dybde > MAKS_DYBDE:
                raise _Feil(_for_dypt(), self.peek_event().start_mark)
        try:
            node = super().compose_node(parent, index)
        finally:
            if samling:
                self._dybde -= 1
        if isinstance(node, MappingNode):
            barn = [n for pair in node.value for n in pair]
        elif isinstance(node, SequenceNode):
            barn = node.value
        else:
            barn = ()
        self._noder[id(node)] = 1 + sum(self._noder.get(id(b), 1) for b in barn)
        return node

    def compose_mapping_node(self, anchor):
        node = super().compose_mapping_node(anchor)
        sett: dict[str, int] = {}
        for key, _ in node.value:
            if key.tag == _MERGE:
                continue
            linje = key.start_mark.line + 1
            if not isinstance(key, ScalarNode) or key.tag != _STR:
                vist = kort(key.value) if isinstance(key, ScalarNode) else "en liste eller et objekt"
                raise _Feil(f"nøkkelen {vist} er ikke tekst; skriv den i anførselstegn",
                            key.start_mark)
            if key.value in sett:
                raise _Feil(f"nøkkelen «{navn(key.value)}» står to ganger i samme objekt "
                            f"(linje {sett[key.value]} og {linje}); bare én verdi er tillatt",
                            key.start_mark)
            sett[key.value] = linje
        return node

    def construct_object(self, node, deep=False):
        """A value whose explicit tag does not fit it (``!!int "12x"``, ``!!bool "kanskje"``,
        ``!!float "a"``) is a message with its line, not a crash of the constructor."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, KeyError, TypeError, OverflowError, IndexError):
            raise _Feil("verdien kan ikke leses som det YAML-merket "
                        f"{navn(node.tag.replace('tag:yaml.org,2002:', '!!'), 40)} sier",
                        node.start_mark) from None

    def construct_yaml_int(self, node):
        siffer = len(node.value.lstrip("+-"))
        if siffer > MAKS_SIFFER:
            raise _Feil(f"et tall har {siffer} tegn; høyst {MAKS_SIFFER} er tillatt",
                        node.start_mark)
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node):
        """A date that does not exist (``2026-13-01``) stays text, so that validation names
        the field instead of the parser failing."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return node.value


Laster.add_constructor("tag:yaml.org,2002:int", Laster.construct_yaml_int)
Laster.add_constructor("tag:yaml.org,2002:timestamp", Laster.construct_yaml_timestamp)


# PyYAML's messages (scanner, parser, composer, constructor), in bokmål; matched at the start.
_YAML = [
    ("found character '\\t' that cannot start any token",
     "tabulator kan ikke brukes til innrykk i YAML; bruk mellomrom"),
    ("found character", "tegnet kan ikke begynne en verdi her; sett verdien i anførselstegn"),
    ("mapping values are not allowed here",
     "kolon på feil sted (et kolon etterfulgt av mellomrom i en verdi krever anførselstegn, "
     "eller innrykket er feil)"),
    ("could not find expected ':'", "forventet kolon etter feltnavnet"),
    ("found unexpected end of stream", "filen slutter midt i en verdi (mangler avsluttende "
                                       "anførselstegn eller klamme?)"),
    ("found unknown escape character", "ugyldig skråstrek-kode i teksten"),
    ("expected alphabetic or numeric character", "ugyldig navn på anker eller alias (&navn, "
                                                 "*navn)"),
    ("expected <block end>", "innrykket stemmer ikke med linjene over"),
    ("expected ',' or ']'", "forventet komma eller ] i listen"),
    ("expected ',' or '}'", "forventet komma eller } i objektet"),
    ("expected the node content", "forventet en verdi her"),
    ("but found another document", "filen skal inneholde ett YAML-dokument, ikke flere (---)"),
    ("expected '<document start>'", "forventet starten på et YAML-dokument"),
    ("found undefined alias", "aliaset (*navn) viser til et anker (&navn) som ikke finnes"),
    ("found duplicate anchor", "ankeret (&navn) er definert to ganger"),
    ("found unhashable key", "en nøkkel kan ikke være en liste eller et objekt"),
    ("could not determine a constructor for the tag", "ukjent eller ikke tillatt YAML-merke "
                                                      "(!!…)"),
    ("sequence entries are not allowed here", "listepunkt (-) på feil sted; sjekk innrykket"),
    ("mapping keys are not allowed here", "nøkkel på feil sted; sjekk innrykket"),
    ("invalid indentation or unclosed", "feil innrykk, eller en [ eller { som ikke er lukket"),
    ("expected a comment or a line break", "uventet tegn etter verdien"),
    ("expected ' '", "forventet mellomrom"),
    ("expected a mapping", "feil bruk av sammenslåing (<<)"),
    ("expected a mapping or list of mappings", "feil bruk av sammenslåing (<<)"),
    ("expected a digit", "forventet et siffer"),
    ("found incompatible YAML document", "filen oppgir en YAML-versjon som ikke støttes"),
]


def _yaml_melding(problem: str) -> str:
    for engelsk, norsk in _YAML:
        if problem.startswith(engelsk):
            return norsk
    return "ugyldig YAML-syntaks"


def yaml_ulesbar(exc: yaml.YAMLError, tekst: str) -> Ulesbar:
    """A PyYAML error as ``Ulesbar`` with a Norwegian message and its line."""
    if isinstance(exc, _Feil):
        mark = exc.problem_mark
        return Ulesbar(exc.norsk, mark.line + 1, mark.column + 1)
    if isinstance(exc, yaml.reader.ReaderError):
        linje = tekst[:exc.position].count("\n") + 1
        return Ulesbar(f"filen er ikke gyldig YAML: tegnet U+{exc.character:04X} er ikke tillatt "
                       "i YAML (kontrolltegn)", linje)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    melding = f"filen er ikke gyldig YAML: {_yaml_melding(getattr(exc, 'problem', '') or '')}"
    if mark is None:
        return Ulesbar(melding)
    return Ulesbar(melding, mark.line + 1, mark.column + 1)


def yaml_node(tekst: str) -> tuple[yaml.Node | None, Laster]:
    """Compose YAML text into a node tree (for callers that want line numbers), and the loader
    that constructs values from its nodes; raises ``Ulesbar``."""
    try:
        laster = Laster(tekst)  # the reader refuses control characters here
        return laster.get_single_node(), laster
    except yaml.YAMLError as exc:
        raise yaml_ulesbar(exc, tekst) from None
    except RecursionError:  # PyYAML's constructor is recursive; the depth bound comes first
        raise Ulesbar(_for_dypt()) from None


def les_yaml(tekst: str) -> object:
    """Parse YAML text (one document) into plain data; raises ``Ulesbar``."""
    node, laster = yaml_node(tekst)
    if node is None:
        return None
    try:
        data = laster.construct_document(node)
    except yaml.YAMLError as exc:
        raise yaml_ulesbar(exc, tekst) from None
    finally:
        laster.dispose()
    etterkontroll(data)
    return data


_JSON_NAVN = re.compile(r"\.json$", re.IGNORECASE)


def les_struktur(tekst: str, navn_: str) -> object:
    """JSON for a ``.json`` file (its messages read better), YAML for anything else."""
    return les_json(tekst) if _JSON_NAVN.search(navn_) else les_yaml(tekst)
