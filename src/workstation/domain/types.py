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
    #: A police case handled by a station, as listed in a case list (案件).
    CASE_RECORD = "case-record"


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
    #: An officer leads (主办) or assists (协办) a case record.
    LEADS = "leads"
    ASSISTS = "assists"


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
