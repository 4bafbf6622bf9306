"""The rich text inside legacy field values, as Markdown or as plain text.

Values hold HTML fragments as the plan systems stored them: `<p>` paragraphs, `<ul>`/`<li>`
lists, `<i>` quotes and entities, and lists written with literal "•" bullets inside a
`<ul style="list-style-type: none">` that is never closed. BeautifulSoup parses the fragment, the
bullets become real list items, and markdownify writes the Markdown.
"""

from __future__ import annotations

import re
from typing import Any, cast

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from markdownify import MarkdownConverter

BULLETS = "•◦▪‣"
_LISTS = ("ul", "ol")
_BULLET_SPLIT = re.compile(f"[{BULLETS}]")
# Text that would start a Markdown block (a list item, heading or quote) if it began a line.
_BLOCK_START = re.compile(r"^(\s*)([-+]|#{1,6}|>|\d{1,9}[.)])(?=\s|$)")


class _Converter(MarkdownConverter):
    """markdownify, escaping what would otherwise read as Markdown in the plan's own words:
    backslashes, code ticks, tags, and markers that start a block (e.g. "- 5%" opening a
    paragraph)."""

    def escape(self, text: str, parent_tags: Any) -> str:
        text = text.replace("\\", "\\\\").replace("`", "\\`")
        text = re.sub(r"<(?=[A-Za-z/!?])", r"\\<", text)
        # The package's type stubs declare only convert(); its hooks are documented for
        # subclasses all the same.
        return str(super().escape(text, parent_tags))  # type: ignore[misc]

    def process_text(self, el: Any, parent_tags: Any = None) -> str:
        lines = str(super().process_text(el, parent_tags)).split("\n")  # type: ignore[misc]
        # Text keeps its own line breaks, so each line after the first starts a line too.
        return "\n".join(
            _BLOCK_START.sub(_escape_marker, line, count=1) if index or _starts_block(el) else line
            for index, line in enumerate(lines)
        )


def _escape_marker(match: re.Match[str]) -> str:
    space, marker = match[1], match[2]
    if marker[0].isdigit():
        return f"{space}{marker[:-1]}\\{marker[-1]}"  # "1." -> "1\."
    return f"{space}\\{marker}"


def _starts_block(node: Any) -> bool:
    previous = node.previous_sibling
    while isinstance(previous, NavigableString) and not previous.strip():
        previous = previous.previous_sibling
    return previous is None or (isinstance(previous, Tag) and previous.name in ("br", "p", *_LISTS))


_CONVERTER = _Converter(bullets="-", heading_style="ATX", escape_misc=False, wrap=False)


def to_markdown(fragment: str) -> str:
    """Markdown for an HTML fragment or plain text, keeping every word."""
    soup = BeautifulSoup(fragment, "html.parser")
    _bullets_to_items(soup)
    for element in soup.find_all(_LISTS):
        _tidy_list(element)
    markdown = str(_CONVERTER.convert_soup(soup))
    lines = [line.rstrip() for line in markdown.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def to_text(fragment: str) -> str:
    """Plain text for a fragment: tags dropped, entities decoded, the lines kept."""
    soup = BeautifulSoup(fragment, "html.parser")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def _bullets_to_items(soup: BeautifulSoup) -> None:
    """Text with "•" bullets becomes list items: inside the list it sits in, or a new list."""
    for node in list(soup.find_all(string=_BULLET_SPLIT)):
        parent = node.parent
        if parent is None or parent.name not in ("[document]", "p", "div", "td", "li", *_LISTS):
            continue
        head, *items = _BULLET_SPLIT.split(str(node))
        if parent.name == "li" and not head.strip() and len(items) == 1:
            node.replace_with(items[0].strip())  # "<li>• text" is already an item
            continue
        in_list = parent.name in _LISTS
        container = parent if in_list else soup.new_tag("ul")
        new_items = []
        for text in items:
            item = soup.new_tag("li")
            item.string = text.strip()
            new_items.append(item)
        replacements: list[Any] = [head] if head.strip() else []
        replacements.extend(new_items if in_list else [container])
        node.replace_with(*replacements)
        if not in_list:
            container.extend(new_items)


def _tidy_list(element: Tag) -> None:
    """Move what is not an item out of a list: text before the first item goes before it,
    text after the last item (a list never closed swallows the paragraphs after it) goes after
    it, and text between items joins the item before."""
    children = [c for c in element.contents if not (isinstance(c, str) and not c.strip())]
    items = [i for i, child in enumerate(children) if isinstance(child, Tag) and child.name == "li"]
    if not items:
        element.unwrap()
        return
    for child in children[: items[0]]:
        element.insert_before(child.extract())
    anchor: Any = element
    for child in children[items[-1] + 1 :]:
        anchor.insert_after(child.extract())
        anchor = child
    for index in range(items[0] + 1, items[-1]):
        child = children[index]
        if not (isinstance(child, Tag) and child.name == "li"):
            previous_item = cast(Tag, children[max(i for i in items if i < index)])
            child.extract()
            previous_item.append(f" {child.strip()}" if isinstance(child, str) else child)
