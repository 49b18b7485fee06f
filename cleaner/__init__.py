"""cleaner: strip ads and boilerplate from articles; keep the body, list the rest."""

__version__ = "0.1.0"  # first: cleaner.fetch names it in its User-Agent

from .api import clean, clean_file, default_rules
from .errors import CleanerError, InputError, RuleError
from .fetch import clean_url
from .records import clean_records
from .result import Result
from .rulebook import load_rules
from .ruleset import Rule, RuleSet
from .sources import iter_warc

__all__ = ["clean", "clean_file", "clean_url", "clean_records", "iter_warc", "default_rules", "load_rules", "Result", "Rule",
           "RuleSet", "CleanerError", "InputError", "RuleError", "__version__"]
