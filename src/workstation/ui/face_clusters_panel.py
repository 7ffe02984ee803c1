"""The Faces tab's Clusters: groups of the case's faces that may show one person.

Clustering runs across all the case's media: each photo face is one member,
each video track one member. The analyst sets the similarity at which faces
join a group; the worker groups them again. A group is a lead like a search
candidate, never an identification.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workstation.services.face_clusters import CLUSTER_THRESHOLD, MIN_QUALITY
from workstation.services.faces import FaceCluster, FaceCrop, face_clusters, face_crops
from workstation.ui.face_crop_grid import MAX_CROPS, FaceCropGrid, FacePanel
from workstation.ui.workers import TaskRunner

log = logging.getLogger(__name__)

GROUP, MEMBERS, TRACKS, EVIDENCE, QUALITY = range(5)
#: The threshold waits this long after the last change before grouping again.
RECLUSTER_DELAY_MS = 400


@dataclass(frozen=True)
class Clustering:
    """The clusters found at one threshold."""

    threshold: float
    clusters: tuple[FaceCluster, ...]


@dataclass(frozen=True)
class ClusterCrops:
    """The crops of one cluster's members (at most :data:`MAX_CROPS`)."""

    threshold: float
    number: int
    crops: tuple[FaceCrop, ...]


class ClustersPanel(FacePanel):
    """Clusters of the case's faces at a threshold the analyst sets.

    Args:
        case_number: The case shown.
        runner: Runs the services.
        parent: Owning widget.
    """

    def __init__(
        self, case_number: str, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(case_number, runner, parent)
        self.clustering: Clustering | None = None
        self.shown: ClusterCrops | None = None

        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(0.10, 0.90)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(CLUSTER_THRESHOLD)
        self.threshold.setToolTip(
            self.tr(
                "Cosine similarity at which two faces join one group. Higher: "
                "fewer, surer groups; lower: more faces grouped, more mistakes."
            )
        )
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(RECLUSTER_DELAY_MS)
        self._delay.timeout.connect(self.load)
        self.threshold.valueChanged.connect(lambda _value: self._delay.start())
        self.summary = QLabel(self.tr("Groups are listed once made."), self)
        self.summary.setWordWrap(True)

        headers = (
            self.tr("Group"),
            self.tr("Members"),
            self.tr("Tracks"),
            self.tr("Evidence"),
            self.tr("Best quality"),
        )
        self.table = self.row_table(headers, stretch=EVIDENCE)
        self.table.itemSelectionChanged.connect(self._cluster_selected)

        self.members_label = QLabel(self.tr("Select a group to see its faces."), self)
        self.members_label.setWordWrap(True)
        self.grid = FaceCropGrid(self)
        self.search_button = self.face_search_button(self.grid)

        splitter = self.beside(
            self.table, self.members_label, self.grid, self.search_button
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Similarity threshold:"), self))
        top.addWidget(self.threshold)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # -- grouping ------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        """Group the case's faces at the threshold set, in the worker."""
        super().load()
        self._delay.stop()
        case_number, threshold = self._case_number, round(self.threshold.value(), 2)

        def job(ws, progress, cancel):
            clusters = face_clusters(ws, case_number, threshold=threshold)
            return Clustering(threshold, tuple(clusters))

        title = self.tr("Grouping faces at similarity {threshold:.2f}").format(
            threshold=threshold
        )
        self._runner.submit(title, job, self.show_clustering)

    def show_clustering(self, clustering: Clustering) -> None:
        """List the clusters found at one threshold."""
        self.clustering = clustering
        clusters = clustering.clusters
        groups = sum(1 for c in clusters if c.size > 1)
        self.summary.setText(
            self.tr(
                "At similarity {threshold:.2f}: {groups} group(s) that may show one "
                "person, {alone} face(s) or track(s) alone; faces less clear than "
                "{quality:.2f} are left out. Groups are investigative leads, not "
                "identifications."
            ).format(
                threshold=clustering.threshold,
                groups=groups,
                alone=len(clusters) - groups,
                quality=MIN_QUALITY,
            )
        )
        self.table.setRowCount(len(clusters))
        for row, cluster in enumerate(clusters):
            cells = {
                GROUP: str(cluster.number),
                MEMBERS: str(cluster.size),
                TRACKS: ", ".join(map(str, cluster.track_ids)),
                EVIDENCE: ", ".join(cluster.evidence_names),
                QUALITY: f"{cluster.best_quality:.2f}",
            }
            numbers = (GROUP, MEMBERS, QUALITY)
            self.set_row(self.table, row, cells, cluster.number, numbers)
        self.shown = None
        self.grid.show_crops([])
        self.members_label.setText(self.tr("Select a group to see its faces."))

    def selected_cluster(self) -> FaceCluster | None:
        """The cluster of the selected row, if any."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if self.clustering is None or len(rows) != 1:
            return None
        return self.clustering.clusters[rows.pop()]

    # -- a cluster's faces ---------------------------------------------------------

    @Slot()
    def _cluster_selected(self) -> None:
        cluster = self.selected_cluster()
        if cluster is None or self.clustering is None:
            return
        case_number, threshold = self._case_number, self.clustering.threshold
        face_ids = cluster.face_ids[:MAX_CROPS]

        def job(ws, progress, cancel):
            crops = face_crops(
                ws, case_number, face_ids, progress=progress, cancel=cancel
            )
            return ClusterCrops(threshold, cluster.number, tuple(crops))

        title = self.tr("Faces of group {number}").format(number=cluster.number)
        self._runner.submit(title, job, self.show_members)

    def show_members(self, members: ClusterCrops) -> None:
        """Show a cluster's faces, unless another one was selected meanwhile."""
        cluster = self.selected_cluster()
        if (
            cluster is None
            or cluster.number != members.number
            or self.clustering.threshold != members.threshold
        ):
            log.debug("faces of group %d arrived too late", members.number)
            return
        self.shown = members
        self.grid.show_crops(members.crops)
        text = self.tr(
            "Group {number}: {members} face(s) and track(s), clearest first, from "
            "{evidence}. A track shows its clearest face."
        ).format(
            number=cluster.number,
            members=cluster.size,
            evidence=", ".join(cluster.evidence_names),
        )
        if cluster.size > len(members.crops):
            text += " " + self.tr("Showing the {shown} clearest.").format(
                shown=len(members.crops)
            )
        self.members_label.setText(text)
