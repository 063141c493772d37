"""Finding (and creating) mail folders by display-name path in a Graph mailbox."""

from __future__ import annotations

from urllib.parse import quote

from ingest_service.mailbox.graph_http import GraphError, GraphHttp

# Well-known folder names Graph accepts in place of an id (first path segment only).
WELL_KNOWN = frozenset(
    {"inbox", "archive", "drafts", "sentitems", "deleteditems", "junkemail", "msgfolderroot"}
)


def odata_string(value: str) -> str:
    """An OData string literal (single quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


class GraphFolders:
    """Folder ids of one mailbox by path ("Inbox", "Processed", "LADO/Needs review"), cached."""

    def __init__(self, api: GraphHttp, mailbox: str) -> None:
        self._api = api
        self._base = f"users/{quote(mailbox, safe='@')}/mailFolders"
        self._ids: dict[str, str] = {}

    def resolve(self, path: str, *, create: bool = False) -> str:
        """The folder's id; a missing folder is created if `create`, else GraphError(404)."""
        if path in self._ids:
            return self._ids[path]
        parent: str | None = None
        for index, name in enumerate(path.strip("/").split("/")):
            if index == 0 and name.lower() in WELL_KNOWN:
                parent = name.lower()
                continue
            parent = self._child(parent, name, create)
        assert parent is not None
        self._ids[path] = parent
        return parent

    def _children_url(self, parent: str | None) -> str:
        return self._base if parent is None else f"{self._base}/{quote(parent)}/childFolders"

    def _find(self, parent: str | None, name: str) -> str | None:
        response = self._api.request(
            "GET",
            self._children_url(parent),
            params={"$filter": f"displayName eq {odata_string(name)}", "$select": "id"},
        )
        found = response.json().get("value", [])
        return str(found[0]["id"]) if found else None

    def _child(self, parent: str | None, name: str, create: bool) -> str:
        existing = self._find(parent, name)
        if existing is not None:
            return existing
        if not create:
            raise GraphError(404, "folderNotFound")
        response = self._api.request(
            "POST", self._children_url(parent), json={"displayName": name}, ok=frozenset({409})
        )
        if response.status_code == 409:  # created meanwhile by another poller
            existing = self._find(parent, name)
            if existing is None:
                raise GraphError(409, "ErrorFolderExists")
            return existing
        return str(response.json()["id"])
