"""Enumerations of the case model."""

from __future__ import annotations

from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "person"
    PHONE = "phone"
    VEHICLE = "vehicle"
    LOCATION = "location"
    ACCOUNT = "account"
    DEVICE = "device"
    ORGANISATION = "organisation"


class LinkType(StrEnum):
    CALL = "call"
    MESSAGE = "message"
    MEETING = "meeting"
    CO_LOCATION = "co-location"
    OWNS = "owns"
    USES = "uses"
    TRANSFER = "transfer"
    FACE_MATCH = "face-match"
    ASSOCIATE = "associate"


class CaseKind(StrEnum):
    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"


class Decision(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class QualityBand(StrEnum):
    """How usable a probe face is; each band has its own score calibration."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
