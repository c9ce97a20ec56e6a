"""Reading articles from disk: decode, extract HTML, find the date, split stories.

>>> from newsextract.reader import read_source, split_stories   # doctest: +SKIP
>>> src = read_source(Path("corpus/002_235975adddba3039.txt"))  # doctest: +SKIP
>>> len(split_stories(src.text))                                # doctest: +SKIP
5
"""
from .dateline import find_dateline
from .metadata import MetaRow, load_metadata
from .source import DEFAULT_MAX_BYTES, Source, read_source
from .stories import Story, split_stories

__all__ = ["read_source", "load_metadata", "split_stories", "find_dateline",
           "Source", "Story", "MetaRow", "DEFAULT_MAX_BYTES"]
