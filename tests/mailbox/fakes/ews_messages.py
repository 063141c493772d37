"""EWS SOAP responses as documented for Exchange 2016 (Exchange Web Services reference)."""

from __future__ import annotations

import base64
from xml.sax.saxutils import quoteattr

MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
TYPES_NS = "http://schemas.microsoft.com/exchange/services/2006/types"
SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"

ENVELOPE = f"""<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="{SOAP_NS}">
  <s:Header>
    <h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2"
      MinorBuildNumber="3" Version="V2017_07_11" xmlns:h="{TYPES_NS}" xmlns="{TYPES_NS}"/>
  </s:Header>
  <s:Body>
    <m:{{operation}}Response xmlns:m="{MESSAGES_NS}" xmlns:t="{TYPES_NS}">
      <m:ResponseMessages>{{messages}}</m:ResponseMessages>
    </m:{{operation}}Response>
  </s:Body>
</s:Envelope>"""

SUCCESS = """<m:{operation}ResponseMessage ResponseClass="Success">
  <m:ResponseCode>NoError</m:ResponseCode>{content}
</m:{operation}ResponseMessage>"""

ERROR = """<m:{operation}ResponseMessage ResponseClass="Error">
  <m:MessageText>{text}</m:MessageText>
  <m:ResponseCode>{code}</m:ResponseCode>
  <m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>{content}
</m:{operation}ResponseMessage>"""

FOLDER = """<t:Folder>
  <t:FolderId Id={id} ChangeKey="AQAAAA=="/>
  <t:ParentFolderId Id={parent} ChangeKey="AQAAAA=="/>
  <t:FolderClass>IPF.Note</t:FolderClass>
  <t:DisplayName>{name}</t:DisplayName>
  <t:TotalCount>{total}</t:TotalCount>
  <t:ChildFolderCount>{children}</t:ChildFolderCount>
  <t:UnreadCount>0</t:UnreadCount>
</t:Folder>"""

MESSAGE_ID_ONLY = '<t:Message><t:ItemId Id={id} ChangeKey="CQAAABYAAAA="/></t:Message>'

MESSAGE_WITH_MIME = """<t:Message>
  <t:MimeContent CharacterSet="UTF-8">{mime}</t:MimeContent>
  <t:ItemId Id={id} ChangeKey="CQAAABYAAAA="/>
  <t:DateTimeReceived>{received}</t:DateTimeReceived>
</t:Message>"""

FIND_ROOT = """<m:RootFolder IndexingOffset="{end}" TotalItemsInView="{total}"
  IncludesLastItemInRange="{last}"><t:{kind}>{content}</t:{kind}></m:RootFolder>"""


def envelope(operation: str, messages: list[str]) -> bytes:
    """A whole SOAP response for one operation."""
    return ENVELOPE.format(operation=operation, messages="".join(messages)).encode()


def success(operation: str, content: str = "") -> str:
    """One successful response message."""
    return SUCCESS.format(operation=operation, content=content)


def error(operation: str, code: str, content: str = "") -> str:
    """One failed response message with its EWS response code."""
    return ERROR.format(operation=operation, code=code, text=code, content=content)


def folder(folder_id: str, parent: str, name: str, total: int, children: int) -> str:
    """A folder element with the default folder shape's properties."""
    return FOLDER.format(
        id=quoteattr(folder_id),
        parent=quoteattr(parent),
        name=name,
        total=total,
        children=children,
    )


def find_root(kind: str, elements: list[str]) -> str:
    """The RootFolder of a FindFolder ("Folders") or FindItem ("Items") response, one page."""
    return FIND_ROOT.format(
        end=len(elements), total=len(elements), last="true", kind=kind, content="".join(elements)
    )


def created_folder(folder_id: str) -> str:
    """The Folders element of a CreateFolder response."""
    return (
        f'<m:Folders><t:Folder><t:FolderId Id={quoteattr(folder_id)} ChangeKey="AQAAAA=="/>'
        "</t:Folder></m:Folders>"
    )


def message_id_only(item_id: str) -> str:
    """A message with the IdOnly shape."""
    return MESSAGE_ID_ONLY.format(id=quoteattr(item_id))


def message_with_mime(item_id: str, raw: bytes, received: str) -> str:
    """A message with its MimeContent (base64) and DateTimeReceived."""
    return MESSAGE_WITH_MIME.format(
        mime=base64.b64encode(raw).decode(), id=quoteattr(item_id), received=received
    )
