"""Many pictures in one Word document, each with its alternative text, each added in constant
time. python-docx's own `add_picture` looks through the whole document for a free shape id and
through every picture already added for a copy of the new one: fine for a logo, minutes for a
report with a thousand charts."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document as DocxDocument
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart
from docx.shared import Length
from docx.text.paragraph import Paragraph as DocxParagraph

from actionplan.output.documents.markdown_blocks import clean

Store = Callable[[str, bytes], None]  # a part's name in the archive, and its bytes


class Pictures:
    def __init__(
        self, document: DocxDocument, stem: str = "chart", store: Store | None = None
    ) -> None:
        """With `store`, each picture's bytes go to it as they come, and the package keeps
        only the picture's place: a thousand charts are not all held until the file is
        saved."""
        self.part = document.part
        self.stem = stem
        self.store = store
        self._next_id = self.part.next_id  # one search, then counted on
        package = self.part.package
        self._taken = {str(p.partname) for p in package.iter_parts()} if package else set()
        self._number = 0

    def add(self, paragraph: DocxParagraph, png: bytes, alt: str, width: Length) -> None:
        """The picture at the end of `paragraph`, `width` wide, described by `alt`."""
        if not alt.strip():
            raise ValueError("an image in a document needs alternative text")
        image = Image.from_blob(png)
        name = self._partname(image.ext)
        if self.store is None:
            part = ImagePart.from_image(image, PackURI(name))
        else:
            part = ImagePart(PackURI(name), image.content_type, b"")
            self.store(name.lstrip("/"), png)
        rid = self.part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        cx, cy = image.scaled_dimensions(width, None)
        inline = CT_Inline.new_pic_inline(self._next_id, rid, name.rsplit("/", 1)[1], cx, cy)
        inline.docPr.set("descr", clean(alt))
        self._next_id += 1
        paragraph.add_run()._r.add_drawing(inline)

    def _partname(self, ext: str) -> str:
        while True:
            self._number += 1
            name = f"/word/media/{self.stem}{self._number}.{ext}"
            if name not in self._taken:
                self._taken.add(name)
                return name
