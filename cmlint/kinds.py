"""What the parts of a posting can be: kinds of sections and items (for the segmenter, scoring and rule scopes)."""

from typing import Literal

SectionKind = Literal["intro", "duties", "requirements", "conditions", "about", "contacts", "other"]
#: What an item (a list entry or a sentence) is as far as duties go.
ItemKind = Literal["duty", "readiness", "listed", "requirement", "wish", "condition", "about", "contact", "other"]
