"""Page metadata: title, author, dates, site, canonical URL, language, description.

Sources in order of trust: JSON-LD (what the publisher states for machines), Open Graph
and `article:` properties, other meta tags, then the visible byline and `<time>`. Dates are
given as ISO 8601; a date no parser understands is left out rather than passed on raw.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, Iterator
from urllib.parse import urljoin

from lxml import etree

from .text import normalise_line
from .vocabulary import test

ARTICLE_TYPES = re.compile(r"article|posting|report|blog|news|webpage|review|recipe|howto", re.I)
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
META_DATES = {
    "published": ("article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
                  "date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date",
                  "parsely-pub-date", "og:published_time", "citation_publication_date"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                 "dcterms.modified", "dc.date.modified"),
}
META_AUTHORS = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "citation_author")
BYLINE_SELECTORS = ".//*[@rel='author'] | .//*[@itemprop='author'] | .//*[contains(@class,'byline')]"
DATE_FORMATS = ("%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y%m%d")
BY_PREFIX = "metadata.byline-prefixes"  # a vocabulary rule (rules/vocabulary.toml)
FIELDS = ("author", "published", "modified", "site_name", "url", "language", "description")

# A dateline: a line that holds a date and nothing else but weekdays, times, zones and labels
# ("Posted: Thu, 10 Jan 2008 03:47 GMT", "4:42 PM on 12/07/2012", "21.dez.2018 às 12h55").
MONTHS = {
    1: "jan january janvier januar januari enero ene janeiro gennaio gen",
    2: "feb february fév fev février fevereiro februar februari febrero febbraio",
    3: "mar march mars märz marz maart marzo março",
    4: "apr april avr avril abr abril aprile",
    5: "may mai mayo maio maggio mei",
    6: "jun june juin juni junio junho giugno",
    7: "jul july juillet juli julio julho luglio",
    8: "aug august août agosto ago augustus",
    9: "sep sept september septembre septiembre setembro settembre set",
    10: "oct october octobre octubre okt oktober out outubro ott ottobre",
    11: "nov november novembre noviembre novembro",
    12: "dec december déc décembre dez dezember dezembro dic diciembre dicembre",
}
MONTH_NUMBERS = {name: number for number, names in MONTHS.items() for name in names.split()}
WEEKDAYS = ("mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday "
            "sun sunday lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch "
            "donnerstag freitag samstag sonntag lunes martes miércoles miercoles jueves viernes sábado "
            "sabado domingo segunda terça terca quarta quinta sexta feira lunedì martedì mercoledì "
            "giovedì venerdì")
# Labels and joining words a dateline may carry; the ones after which a date is a modification.
DATELINE_WORDS = ("posted published updated last modified first date dated on at online publié publiée "
                  "le mis à a jour veröffentlicht aktualisiert am um publicado atualizado actualizado em "
                  "el às as las pubblicato aggiornato il alle gepubliceerd bijgewerkt op om de del of the "
                  "created time and et y e und uhr")
UPDATE_LABEL = re.compile(r"\b(updated|last\s+modified|modified|mis\s+à\s+jour|aktualisiert|atualizado|"
                          r"actualizado|aggiornato|bijgewerkt)\b", re.I)
TIMEZONES = "utc gmt et est edt ct cst cdt mt mst mdt pt pst pdt bst cet cest ist aest aedt wst jst hkt sgt msk"
_MONTH = "|".join(sorted(map(re.escape, MONTH_NUMBERS), key=len, reverse=True))
_WORD = "|".join(sorted(map(re.escape, set(f"{WEEKDAYS} {DATELINE_WORDS} {TIMEZONES}".split())),
                        key=len, reverse=True))
_NUMDATE = rf"\d{{1,4}}[./-](?:\d{{1,2}}|{_MONTH})[./-]\d{{2,4}}"
_TOKEN = (rf"(?:{_NUMDATE}|\d{{1,2}}[:h.]\d{{2}}(?:[:.]\d{{2}})?(?:\s?[ap]\.?m\.?)?|\d{{1,4}}(?:st|nd|rd|th|er|e|º)?"
          rf"|[+-]\d{{2}}:?\d{{2}}|(?:[ap]\.?m|{_MONTH}|{_WORD})\b\.?)")
_SEPARATORS = r"[\s,.:;|·•@()\-–—/]*"
DATELINE = re.compile(rf"{_SEPARATORS}(?:{_TOKEN}{_SEPARATORS})+", re.I)
DATELINE_MAX_CHARS = 100
# Zone abbreviations that name one offset (facts, not vocabulary: ISO 8601 needs the offset).
# "ET", "PT" and "IST" name several (EST or EDT; India or Ireland): a time in them stays local.
ZONE_OFFSETS = {"utc": "+00:00", "gmt": "+00:00", "z": "+00:00", "est": "-05:00", "edt": "-04:00",
                "cst": "-06:00", "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00",
                "pdt": "-07:00", "bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "aest": "+10:00",
                "aedt": "+11:00", "jst": "+09:00", "hkt": "+08:00", "sgt": "+08:00", "msk": "+03:00"}
CLOCK = re.compile(r"[\s,.|·•@\-–—]*(?:(?:at|um|à|a las|alle|om|às)\s+)?(?P<h>\d{1,2})[:h.](?P<m>\d{2})(?::(?P<s>\d{2}))?"
                   r"(?:\s*(?P<ap>[ap])\.?m\.?)?(?:\s*(?:(?P<zone>[a-z]{1,4})\b|(?P<offset>[+-]\d{2}:?\d{2})))?", re.I)
CLOCK_OR_WEEKDAY = re.compile(
    r"\d{1,2}[:h.]\d{2}|\b(?:" + "|".join(sorted(WEEKDAYS.split(), key=len, reverse=True)) + r")\b", re.I)
DAY_SUFFIX = r"(?:st|nd|rd|th|er|e|º)?"
DATE_IN_LINE = re.compile(
    rf"\b(?:(?P<y>\d{{4}})[./-](?P<m>\d{{1,2}})[./-](?P<d>\d{{1,2}})"
    rf"|(?P<a>\d{{1,2}})[./-](?P<b>\d{{1,2}}|{_MONTH})[./-](?P<c>\d{{4}}|\d{{2}})"
    rf"|(?P<month1>{_MONTH})\.?\s*(?P<day1>\d{{1,2}}){DAY_SUFFIX}\b,?\s*(?P<year1>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}}){DAY_SUFFIX}\.?,?\s*(?:de\s+)?(?P<month2>{_MONTH})\b\.?,?\s*(?:de\s+)?(?P<year2>\d{{4}}))\b",
    re.I)


def read_metadata(root: etree._Element, url: str | None) -> tuple[str | None, dict[str, Any], str | None,
                                                                  list[dict[str, Any]]]:
    """(title, metadata, base URL for links, JSON-LD images) of a parsed page."""
    head = root.find("head")
    meta = _meta_tags(root if head is None else head)
    article, ld_images = _json_ld(root)
    canonical = _link(root, "canonical")
    page_url = url or canonical or meta.get("og:url") or _str(article.get("url"))
    base = root.find(".//base[@href]")
    base_url = join_url(page_url or "", base.get("href")) if base is not None and base.get("href") else page_url
    found: dict[str, Any] = {
        "author": _authors(article.get("author")) or _meta_author(meta) or _byline(root),
        "site_name": _name(article.get("publisher")) or meta.get("og:site_name") or meta.get("application-name"),
        "url": _absolute(page_url, canonical or meta.get("og:url") or _str(article.get("url")) or url),
        "language": _language(root, meta, article),
        "description": _str(article.get("description")) or meta.get("og:description") or meta.get("description"),
    }
    for key, names in META_DATES.items():
        ld_key = "datePublished" if key == "published" else "dateModified"
        found[key] = iso_date(_str(article.get(ld_key))) or next(
            (d for d in (iso_date(meta.get(n)) for n in names) if d), None) or _time_element(root, key)
    metadata = {key: found[key] for key in FIELDS if found.get(key)}  # the schema has no nulls
    title = _str(article.get("headline")) or meta.get("og:title") or meta.get("twitter:title") or _title(root)
    return (normalise_line(title) or None if title else None), metadata, base_url, ld_images


def _str(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    return normalise_line(value) or None if isinstance(value, str) else None


def _absolute(page: str | None, value: str | None) -> str | None:
    if not value:
        return None
    return join_url(page, value) if page else value


def join_url(base: str, value: str) -> str:
    """`urljoin`, but a base or link it cannot parse (`http://[::1`: "Invalid IPv6 URL") leaves the link as it is."""
    try:
        return urljoin(base, value)
    except ValueError:
        return value


def _meta_tags(head: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in head.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        content = normalise_line(el.get("content") or "")
        if key and content and key not in meta:
            meta[key] = content
    return meta


def _link(root: etree._Element, rel: str) -> str | None:
    for el in root.iter("link"):
        if rel in (el.get("rel") or "").lower().split() and el.get("href"):
            return el.get("href", "").strip() or None
    return None


def _json_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                yield item


def _types(item: dict[str, Any]) -> str:
    kind = item.get("@type")
    return " ".join(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else str(kind or "")


def _json_ld(root: etree._Element) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The page's article object (the first one that looks like one) and its ImageObjects."""
    article: dict[str, Any] = {}
    images: list[dict[str, Any]] = []
    for item in _json_objects(root):
        kinds = _types(item)
        if "ImageObject" in kinds:
            images.append(_image(item))
        elif not article and ARTICLE_TYPES.search(kinds) and (item.get("headline") or item.get("author")):
            article = item
            pictures = item.get("image")
            for picture in pictures if isinstance(pictures, list) else [pictures]:
                if isinstance(picture, dict):
                    images.append(_image(picture))
    return article, [i for i in images if i.get("src")]


def _image(item: dict[str, Any]) -> dict[str, Any]:
    credit = _str(item.get("creditText")) or _name(item.get("creator")) or _name(item.get("copyrightHolder"))
    return {"src": _str(item.get("contentUrl")) or _str(item.get("url")),
            "caption": _str(item.get("caption")) or _str(item.get("description")), "credit": credit}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return " / ".join(names) or None
    if isinstance(value, dict):
        return _str(value.get("name"))
    return _str(value)


def _authors(value: Any) -> str | list[str] | None:
    values = value if isinstance(value, list) else [value]
    names = [n for n in (_name(v) for v in values) if n and not n.startswith("http")]
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else names or None


def _meta_author(meta: dict[str, str]) -> str | None:
    for key in META_AUTHORS:
        value = meta.get(key)
        if value and not value.startswith("http"):
            return value
    return None


def _byline(root: etree._Element) -> str | None:
    body = root.find("body")
    if body is None:
        return None
    for el in _byline_elements(body):
        text = normalise_line(" ".join(el.itertext()))
        if test(BY_PREFIX)(text):
            return None  # a "By …" line stays a block: the byline rule reads it there, once
        if 2 < len(text) <= 80:
            return text
    return None


def _byline_elements(body: etree._Element) -> Iterator[etree._Element]:
    """What `BYLINE_SELECTORS` selects, in document order: libxml2's XPath takes twice as long
    over a whole page as reading three attributes of each element."""
    for el in body.iterdescendants(etree.Element):
        get = el.get
        if get("rel") == "author" or get("itemprop") == "author" or "byline" in (get("class") or ""):
            yield el


def _language(root: etree._Element, meta: dict[str, str], article: dict[str, Any]) -> str | None:
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") \
        or meta.get("content-language") or meta.get("language") or _str(article.get("inLanguage")) \
        or meta.get("og:locale")
    return value.strip().replace("_", "-") if value and value.strip() else None


def _time_element(root: etree._Element, key: str) -> str | None:
    wanted = "datePublished" if key == "published" else "dateModified"
    for el in root.iter("time"):
        if el.get("itemprop") == wanted or (key == "published" and "publish" in (el.get("class") or "")):
            return iso_date(el.get("datetime") or " ".join(el.itertext()))
    return None


def iso_date(value: str | None) -> str | None:
    """ISO 8601 form of a date string in the formats sites use, else None."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return "-".join(found.groups()) if found else None


def page_title(root: etree._Element) -> str | None:
    """The page's whole `<title>`, site name and all."""
    title = root.find("head/title")
    return normalise_line(" ".join(title.itertext())) or None if title is not None else None


def _title(root: etree._Element) -> str | None:
    """The <title> without the site name sites append ("Story - Site"), else the first <h1>."""
    title = root.find("head/title")
    text = normalise_line(" ".join(title.itertext())) if title is not None else ""
    if text:
        parts = TITLE_SEPARATORS.split(text)
        return max(parts, key=len) if len(parts) > 1 else text
    h1 = root.find(".//h1")
    return normalise_line(" ".join(h1.itertext())) or None if h1 is not None else None


def dateline_dates(text: str, with_time: bool = False) -> dict[str, str] | None:
    """For a line that is only a date (with weekday, time, zone, "Posted:"/"Updated" labels):
    its dates as {"published": ISO, "modified": ISO}, either maybe absent; None for any other line.

    The date after an update label is the modification date; a date the line does not
    spell out unambiguously (03/04/2012) is left out, the line is still a dateline. With
    `with_time`, a clock time printed right after a date (and its zone) joins it:
    "March 3, 2026 10:15 AM EST" is 2026-03-03T10:15:00-05:00."""
    if len(text) > DATELINE_MAX_CHARS or not DATELINE.fullmatch(text):
        return None
    found = list(DATE_IN_LINE.finditer(text))
    if not found and not (_named_month_day(text) and CLOCK_OR_WEEKDAY.search(text)):
        return None
    dates: dict[str, str] = {}
    update = UPDATE_LABEL.search(text)
    for number, match in enumerate(found):
        key = "modified" if update and update.start() < match.start() else "published"
        value = _date_of(match)
        if value and with_time:
            until = found[number + 1].start() if number + 1 < len(found) else len(text)
            value = _with_time(value, text[match.end():until])
        if value and key not in dates:
            dates[key] = value
    return dates


def _with_time(day: str, after: str) -> str:
    """The ISO date `day` with the clock time (and zone) that `after` starts with, if any."""
    clock = CLOCK.match(after)
    if not clock:
        return day
    hour, minute, second = int(clock["h"]), int(clock["m"]), int(clock["s"] or 0)
    if clock["ap"]:
        if not 1 <= hour <= 12:
            return day
        hour = hour % 12 + (12 if clock["ap"].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return day
    stamp = f"{day}T{hour:02d}:{minute:02d}:{second:02d}"
    zone = (clock["zone"] or "").lower()
    if zone in ZONE_OFFSETS:
        return stamp + ZONE_OFFSETS[zone]
    if clock["offset"]:
        digits = clock["offset"].replace(":", "")
        return f"{stamp}{digits[:3]}:{digits[3:]}"
    return stamp  # no zone, or one that names no single offset ("ET": EST or EDT)


def _named_month_day(text: str) -> bool:
    """A month name next to a day number, without a year ("Fri 18 Jan, 11:45 AM")."""
    return bool(re.search(rf"\b(?:(?:{_MONTH})\.?\s*\d{{1,2}}{DAY_SUFFIX}\b|\d{{1,2}}{DAY_SUFFIX}\.?\s+(?:{_MONTH})\b)",
                          text, re.I))


def _date_of(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    if parts["y"]:
        year, month, day = int(parts["y"]), int(parts["m"]), int(parts["d"])
    elif parts["a"]:
        first, middle, year = int(parts["a"]), parts["b"], int(parts["c"])
        year += 2000 if year < 100 else 0
        if not middle.isdigit():
            day, month = first, MONTH_NUMBERS[middle.lower()]
        elif match.group(0)[len(parts["a"])] == "." and int(middle) <= 12:
            day, month = first, int(middle)  # 12.02.2026: dotted dates are day first wherever they are printed
        elif first > 12 >= int(middle):
            day, month = first, int(middle)
        elif int(middle) > 12 >= first:
            day, month = int(middle), first
        elif first == int(middle):
            day = month = first
        else:
            return None  # 03/04/2012: March or April, the page does not say
    else:
        name = parts["month1"] or parts["month2"]
        month = MONTH_NUMBERS[name.lower()]
        day, year = int(parts["day1"] or parts["day2"]), int(parts["year1"] or parts["year2"])
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None
