"""Stored codes (case kind and status, entity and link types) in the UI language.

The database keeps English codes (``criminal``, ``phone``, ``call``); tables,
charts and combo boxes show them through these functions, which fall back to
the code itself for a value they do not know.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workstation.domain.types import CaseKind, EntityType, LinkType

translate = QCoreApplication.translate


def kind_text(kind: str) -> str:
    """A case kind as the interface shows it."""
    names = {
        CaseKind.CRIMINAL: translate("Labels", "criminal"),
        CaseKind.ADMINISTRATIVE: translate("Labels", "administrative"),
    }
    return names.get(kind, kind)


def status_text(status: str) -> str:
    """A case status as the interface shows it."""
    names = {
        "open": translate("Labels", "open"),
        "closed": translate("Labels", "closed"),
    }
    return names.get(status, status)


def entity_type_text(entity_type: str) -> str:
    """An entity type (``person``, ``phone``...) as the interface shows it."""
    names = {
        EntityType.PERSON: translate("Labels", "person"),
        EntityType.PHONE: translate("Labels", "phone"),
        EntityType.VEHICLE: translate("Labels", "vehicle"),
        EntityType.LOCATION: translate("Labels", "location"),
        EntityType.ACCOUNT: translate("Labels", "account"),
        EntityType.DEVICE: translate("Labels", "device"),
        EntityType.ORGANISATION: translate("Labels", "organisation"),
    }
    return names.get(entity_type, entity_type)


def role_text(role: str) -> str:
    """An entity's role in the case (``suspect``...) as the interface shows it."""
    names = {
        "suspect": translate("Labels", "suspect", "role"),
        "victim": translate("Labels", "victim", "role"),
        "witness": translate("Labels", "witness", "role"),
        "associate": translate("Labels", "associate", "role"),
        "": translate("Labels", "no role", "role"),
    }
    return names.get(role, role)


def link_type_text(link_type: str) -> str:
    """A link type (``call``, ``meeting``...) as the interface shows it."""
    names = {
        LinkType.CALL: translate("Labels", "call"),
        LinkType.MESSAGE: translate("Labels", "message"),
        LinkType.MEETING: translate("Labels", "meeting"),
        LinkType.CO_LOCATION: translate("Labels", "co-location"),
        LinkType.OWNS: translate("Labels", "owns"),
        LinkType.USES: translate("Labels", "uses"),
        LinkType.TRANSFER: translate("Labels", "transfer"),
        LinkType.FACE_MATCH: translate("Labels", "face-match"),
        LinkType.ASSOCIATE: translate("Labels", "associate"),
    }
    return names.get(link_type, link_type)
