<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BeforeAfterView</name>
    <message>
        <location filename="../../src/workstation/ui/before_after.py" line="+165"/>
        <location line="+13"/>
        <location line="+15"/>
        <source>Before</source>
        <extracomment>Space between the pictures drawn side by side, pixels. Emitted with the new split fraction while the line is dragged.</extracomment>
        <translation>Before</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>After</source>
        <translation>After</translation>
    </message>
</context>
<context>
    <name>CaseSummaryView</name>
    <message>
        <location filename="../../src/workstation/ui/case_summary_view.py" line="+46"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead officer</source>
        <translation>Lead officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts recorded</source>
        <translation>Contacts recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last import</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entities</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities by type</source>
        <translation>Entities by type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence items</source>
        <translation>Evidence items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faces found</source>
        <translation>Faces found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face searches</source>
        <translation>Face searches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(no timed links)</source>
        <translation>(no timed links)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} to {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(open)</source>
        <translation>(open)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+5"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../src/workstation/ui/cases_view.py" line="+71"/>
        <source>New case…</source>
        <extracomment>The user asked to open a case (its number). A case was created (its number). A case was marked closed (its number).</extracomment>
        <translation>New case…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as closed…</source>
        <translation>Mark as closed…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead officer</source>
        <translation>Lead officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last import</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Workspace {root}: %n case(s).</source>
        <translation>
            <numerusform>Workspace {root}: %n case.</numerusform>
            <numerusform>Workspace {root}: %n cases.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace {root} has no case yet. Create one with New case…</source>
        <translation>Workspace {root} has no case yet. Create one with New case…</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Creating case {number}</source>
        <translation>Creating case {number}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mark as closed</source>
        <translation>Mark as closed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark case {number} as closed? Its data stays in the workspace and can still be opened and reported on; the closing is recorded in the audit log.</source>
        <translation>Mark case {number} as closed? Its data stays in the workspace and can still be opened and reported on; the closing is recorded in the audit log.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Closing case {number}</source>
        <translation>Closing case {number}</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <location filename="../../src/workstation/ui/chart_legend.py" line="+40"/>
        <source>community {number} ({size})</source>
        <extracomment>Communities named in the legend; the rest are counted.</extracomment>
        <translation>community {number} ({size})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>and %n more</source>
        <translation>and %n more</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../src/workstation/ui/chart_view.py" line="+63"/>
        <source>degree (connections)</source>
        <translation>degree (connections)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted degree (calls)</source>
        <translation>weighted degree (calls)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>betweenness (brokers)</source>
        <translation>betweenness (brokers)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closeness</source>
        <translation>closeness</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eigenvector (well connected)</source>
        <translation>eigenvector (well connected)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k-core (dense core)</source>
        <translation>k-core (dense core)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>entity type</source>
        <translation>entity type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>community (Louvain)</source>
        <translation>community (Louvain)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit to window</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hops: </source>
        <translation>hops: </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most: </source>
        <translation>at most: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand selected</source>
        <translation>Expand selected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path between the two selected</source>
        <translation>Path between the two selected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Size by</source>
        <translation>Size by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour by</source>
        <translation>Colour by</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Key players</source>
        <translation>Key players</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Link chart of {number} {title}</source>
        <translation>Link chart of {number} {title}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{nodes} entities, {edges} connections</source>
        <translation>{nodes} entities, {edges} connections</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Drawing the link chart</source>
        <translation>Drawing the link chart</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Measuring {measure}</source>
        <translation>Measuring {measure}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Colouring the chart</source>
        <translation>Colouring the chart</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Drawing the links of the time window</source>
        <translation>Drawing the links of the time window</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Expanding the chart</source>
        <translation>Expanding the chart</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Added %n entities</source>
        <translation>
            <numerusform>Added %n entity</numerusform>
            <numerusform>Added %n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>(%n more left out by the cap)</source>
        <translation>
            <numerusform>(%n more left out by the cap)</numerusform>
            <numerusform>(%n more left out by the cap)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select exactly two entities (Ctrl+click the second).</source>
        <translation>Select exactly two entities (Ctrl+click the second).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finding a path</source>
        <translation>Finding a path</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Shortest path, %n hop(s): </source>
        <translation>
            <numerusform>Shortest path, %n hop: </numerusform>
            <numerusform>Shortest path, %n hops: </numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Drawing the whole chart</source>
        <translation>Drawing the whole chart</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving the chart view</source>
        <translation>Saving the chart view</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved as {name} v{version}.</source>
        <translation>Saved as {name} v{version}.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Opening the chart view</source>
        <translation>Opening the chart view</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitting the chart for review</source>
        <translation>Submitting the chart for review</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Listing the saved chart views</source>
        <translation>Listing the saved chart views</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Size: {measure} in the whole case; line width: link weight; red: the path found. Wheel to zoom, drag to pan, click to select.</source>
        <translation>Size: {measure} in the whole case; line width: link weight; red: the path found. Wheel to zoom, drag to pan, click to select.</translation>
    </message>
</context>
<context>
    <name>ClearestFacesPanel</name>
    <message>
        <location filename="../../src/workstation/ui/face_clearest_panel.py" line="+56"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The clearest faces are shown once cut.</source>
        <translation>The clearest faces are shown once cut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clearest faces to show:</source>
        <translation>Clearest faces to show:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cutting the {limit} clearest faces</source>
        <translation>Cutting the {limit} clearest faces</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No faces yet: add photos or videos and find faces in them.</source>
        <translation>No faces yet: add photos or videos and find faces in them.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The case&apos;s {count} clearest face(s), clearest first (quality {best:.2f} to {worst:.2f}; it combines sharpness, size, detector score and pose).</source>
        <translation>The case&apos;s {count} clearest face(s), clearest first (quality {best:.2f} to {worst:.2f}; it combines sharpness, size, detector score and pose).</translation>
    </message>
</context>
<context>
    <name>ClustersPanel</name>
    <message>
        <location filename="../../src/workstation/ui/face_clusters_panel.py" line="+75"/>
        <source>Cosine similarity at which two faces join one group. Higher: fewer, surer groups; lower: more faces grouped, more mistakes.</source>
        <extracomment>The threshold waits this long after the last change before grouping again.</extracomment>
        <translation>Cosine similarity at which two faces join one group. Higher: fewer, surer groups; lower: more faces grouped, more mistakes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Groups are listed once made.</source>
        <translation>Groups are listed once made.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best quality</source>
        <translation>Best quality</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+65"/>
        <source>Select a group to see its faces.</source>
        <translation>Select a group to see its faces.</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Similarity threshold:</source>
        <translation>Similarity threshold:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Grouping faces at similarity {threshold:.2f}</source>
        <translation>Grouping faces at similarity {threshold:.2f}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>At similarity {threshold:.2f}: {groups} group(s) that may show one person, {alone} face(s) or track(s) alone; faces less clear than {quality:.2f} are left out. Groups are investigative leads, not identifications.</source>
        <translation>At similarity {threshold:.2f}: {groups} group(s) that may show one person, {alone} face(s) or track(s) alone; faces less clear than {quality:.2f} are left out. Groups are investigative leads, not identifications.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Faces of group {number}</source>
        <translation>Faces of group {number}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Group {number}: {members} face(s) and track(s), clearest first, from {evidence}. A track shows its clearest face.</source>
        <translation>Group {number}: {members} face(s) and track(s), clearest first, from {evidence}. A track shows its clearest face.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Showing the {shown} clearest.</source>
        <translation>Showing the {shown} clearest.</translation>
    </message>
</context>
<context>
    <name>CreateAdministratorDialog</name>
    <message>
        <location filename="../../src/workstation/ui/session_dialogs.py" line="+167"/>
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This workspace has no user accounts: whoever opens it may do everything. Create the first administrator to end single-user mode; from then on everyone logs in and each role is checked. This cannot be undone.</source>
        <translation>This workspace has no user accounts: whoever opens it may do everything. Create the first administrator to end single-user mode; from then on everyone logs in and each role is checked. This cannot be undone.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The two passwords differ; type the same one twice.</source>
        <translation>The two passwords differ; type the same one twice.</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <location filename="../../src/workstation/ui/data_view.py" line="+66"/>
        <source>Import a table…</source>
        <extracomment>Emitted with the summary of each finished import.</extracomment>
        <translation>Import a table…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>or drop a CSV or Excel file here</source>
        <translation>or drop a CSV or Excel file here</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows read</source>
        <translation>Rows read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n import(s) in this case.</source>
        <translation>
            <numerusform>%n import in this case.</numerusform>
            <numerusform>%n imports in this case.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing imported yet.</source>
        <translation>Nothing imported yet.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Select an import to see its rejects.</source>
        <translation>Select an import to see its rejects.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Import {id} ({file}): %n rejected row(s), by line in the file.</source>
        <translation>
            <numerusform>Import {id} ({file}): %n rejected row, by line in the file.</numerusform>
            <numerusform>Import {id} ({file}): %n rejected rows, by line in the file.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import {id} ({file}): no row was rejected.</source>
        <translation>Import {id} ({file}): no row was rejected.</translation>
    </message>
</context>
<context>
    <name>EffectPanel</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_results.py" line="+89"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detector score</source>
        <translation>Detector score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match score</source>
        <translation>Match score</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Face scores were not measured: {reason}</source>
        <translation>Face scores were not measured: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the face in the unprocessed photo</source>
        <translation>the face in the unprocessed photo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No face was found before or after the chain.</source>
        <translation>No face was found before or after the chain.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detector score {det_before} → {det_after}; match to {against} {match_before} → {match_after}</source>
        <translation>Detector score {det_before} → {det_after}; match to {against} {match_before} → {match_after}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no face</source>
        <translation>no face</translation>
    </message>
</context>
<context>
    <name>EnhanceLabels</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_params.py" line="+42"/>
        <source>Crop</source>
        <translation>Crop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip</source>
        <translation>Flip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perspective</source>
        <translation>Perspective</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deinterlace</source>
        <translation>Deinterlace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels and gamma</source>
        <translation>Levels and gamma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic exposure</source>
        <translation>Automatic exposure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local contrast (CLAHE)</source>
        <translation>Local contrast (CLAHE)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-local means denoise</source>
        <translation>Non-local means denoise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilateral smoothing</source>
        <translation>Bilateral smoothing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove block artefacts</source>
        <translation>Remove block artefacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deblur</source>
        <translation>Deblur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsharp mask</source>
        <translation>Unsharp mask</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upscale</source>
        <translation>Upscale</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Left (x)</source>
        <translation>Left (x)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top (y)</source>
        <translation>Top (y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>Width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enlarge canvas</source>
        <translation>Enlarge canvas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corner points</source>
        <translation>Corner points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field kept</source>
        <translation>Field kept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black point</source>
        <translation>Black point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>White point</source>
        <translation>White point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target brightness</source>
        <translation>Target brightness</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black percentile</source>
        <translation>Black percentile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>White percentile</source>
        <translation>White percentile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest gamma</source>
        <translation>Largest gamma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clip limit</source>
        <translation>Clip limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiles</source>
        <translation>Tiles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strength</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour strength</source>
        <translation>Colour strength</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patch size</source>
        <translation>Patch size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search window</source>
        <translation>Search window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diameter</source>
        <translation>Diameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour sigma</source>
        <translation>Colour sigma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space sigma</source>
        <translation>Space sigma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JPEG quality</source>
        <translation>JPEG quality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur model</source>
        <translation>Blur model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur width</source>
        <translation>Blur width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Streak length</source>
        <translation>Streak length</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise balance</source>
        <translation>Noise balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iterations</source>
        <translation>Iterations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
</context>
<context>
    <name>EnhanceResults</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_results.py" line="-105"/>
        <source>step {number}: {operation}</source>
        <translation>step {number}: {operation}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fusion of {count} frames</source>
        <translation>fusion of {count} frames</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the chain as a whole</source>
        <translation>the chain as a whole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unprocessed</source>
        <translation>unprocessed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{stage} lowered the detector score from {before} to {after}</source>
        <translation>{stage} lowered the detector score from {before} to {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{stage} lowered the match score from {before} to {after}</source>
        <translation>{stage} lowered the match score from {before} to {after}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{stage} changed the face: its similarity to the unprocessed face fell from {before} to {after}</source>
        <translation>{stage} changed the face: its similarity to the unprocessed face fell from {before} to {after}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{stage}: the face is no longer found</source>
        <translation>{stage}: the face is no longer found</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No face was found in the unprocessed photo.</source>
        <translation>No face was found in the unprocessed photo.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Derivation {id}: chain {chain}</source>
        <translation>Derivation {id}: chain {chain}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Input: evidence {id} ({name})</source>
        <translation>Input: evidence {id} ({name})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Output: evidence {id} ({name})</source>
        <translation>Output: evidence {id} ({name})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Made by {user} at {time}; the original is unchanged.</source>
        <translation>Made by {user} at {time}; the original is unchanged.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Purpose: {purpose}</source>
        <translation>Purpose: {purpose}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Software: {software}</source>
        <translation>Software: {software}</translation>
    </message>
</context>
<context>
    <name>EnhanceView</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_view.py" line="+130"/>
        <source>Start from preset</source>
        <extracomment>The preview starts this long after the last change (milliseconds). Emitted with the new evidence id after a result was stored.</extracomment>
        <translation>Start from preset</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open chain…</source>
        <translation>Open chain…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save chain…</source>
        <translation>Save chain…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the photo is enhanced</source>
        <translation>Why the photo is enhanced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply and store a copy</source>
        <translation>Apply and store a copy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Side by side</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The provenance of the stored result shows here after Apply.</source>
        <translation>The provenance of the stored result shows here after Apply.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match against</source>
        <translation>Match against</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain name</source>
        <translation>Chain name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the face in the unprocessed photo</source>
        <translation>the face in the unprocessed photo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add photos on the Evidence tab first.</source>
        <translation>Add photos on the Evidence tab first.</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+53"/>
        <source>Open chain</source>
        <translation>Open chain</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+5"/>
        <location line="+19"/>
        <source>Save chain</source>
        <translation>Save chain</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Chain saved to {file}.</source>
        <translation>Chain saved to {file}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+10"/>
        <source>Chains (*.toml)</source>
        <translation>Chains (*.toml)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Previewing…</source>
        <translation>Previewing…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previewing the chain</source>
        <translation>Previewing the chain</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Preview of {chain}: %n step(s), not stored.</source>
        <translation>
            <numerusform>Preview of {chain}: %n step, not stored.</numerusform>
            <numerusform>Preview of {chain}: %n steps, not stored.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview cancelled.</source>
        <translation>Preview cancelled.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enhancing with {chain}</source>
        <translation>Enhancing with {chain}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stored as evidence {id} ({name}); the original is unchanged.</source>
        <translation>Stored as evidence {id} ({name}); the original is unchanged.</translation>
    </message>
</context>
<context>
    <name>EntityTables</name>
    <message>
        <location filename="../../src/workstation/ui/entity_table_model.py" line="+207"/>
        <location line="+25"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duration (s)</source>
        <translation>Duration (s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../src/workstation/ui/evidence_view.py" line="+86"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added by</source>
        <translation>Added by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Add files…</source>
        <extracomment>Emitted after files were added, with the number of new items.</extracomment>
        <translation>Add files…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>or drop files here</source>
        <translation>or drop files here</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search by file name or SHA-256</source>
        <translation>Search by file name or SHA-256</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Add evidence files</source>
        <translation>Add evidence files</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Images and video (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.mp4 *.avi *.mov *.mkv);;All files (*)</source>
        <translation>Images and video (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.mp4 *.avi *.mov *.mkv);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Adding %n evidence file(s)</source>
        <translation>
            <numerusform>Adding %n evidence file</numerusform>
            <numerusform>Adding %n evidence files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaceCropGrid</name>
    <message>
        <location filename="../../src/workstation/ui/face_crop_grid.py" line="+62"/>
        <source>{evidence}, frame {frame} at {time}</source>
        <extracomment>At most this many crops are cut for one list (clearest first).</extracomment>
        <translation>{evidence}, frame {frame} at {time}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>quality {quality}</source>
        <translation>quality {quality}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frame {frame} · {time}</source>
        <translation>frame {frame} · {time}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Face {id} in {place}</source>
        <translation>Face {id} in {place}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality {quality}, detector score {score:.2f}</source>
        <translation>Quality {quality}, detector score {score:.2f}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Video track {track}</source>
        <translation>Video track {track}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linked to {person} by a reviewer</source>
        <translation>Linked to {person} by a reviewer</translation>
    </message>
</context>
<context>
    <name>FacePanel</name>
    <message>
        <location line="+143"/>
        <source>Search with this face</source>
        <extracomment>Emitted with the id of a stored face to search with.</extracomment>
        <translation>Search with this face</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A video face searches with its whole track; a photo&apos;s face with the photo, which works for its largest face.</source>
        <translation>A video face searches with its whole track; a photo&apos;s face with the photo, which works for its largest face.</translation>
    </message>
</context>
<context>
    <name>FacesView</name>
    <message>
        <location filename="../../src/workstation/ui/face_search_jobs.py" line="+97"/>
        <source>cutting candidate faces</source>
        <translation>cutting candidate faces</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>track {track}, the track of face {face}</source>
        <translation>track {track}, the track of face {face}</translation>
    </message>
    <message>
        <location filename="../../src/workstation/ui/faces_view.py" line="+107"/>
        <source>&lt;b&gt;Candidates, not identifications.&lt;/b&gt; A score only says how alike the model finds two faces. Every candidate is an investigative lead to be checked; only a reviewer&apos;s recorded decision may link a face to a person.</source>
        <extracomment>Emitted after a scan, search or decision changed the case&apos;s face data.</extracomment>
        <translation>&lt;b&gt;Candidates, not identifications.&lt;/b&gt; A score only says how alike the model finds two faces. Every candidate is an investigative lead to be checked; only a reviewer&apos;s recorded decision may link a face to a person.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Find faces in the case&apos;s photos and videos</source>
        <translation>Find faces in the case&apos;s photos and videos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search with a probe photo…</source>
        <translation>Search with a probe photo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No search yet.</source>
        <translation>No search yet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False-match rate</source>
        <translation>False-match rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reason for the decision (what was compared, by whom)</source>
        <translation>Reason for the decision (what was compared, by whom)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A confirmation needs the reason, written in the box beside it.</source>
        <translation>A confirmation needs the reason, written in the box beside it.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Comment:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearest faces</source>
        <translation>Clearest faces</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Finding faces</source>
        <translation>Finding faces</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{faces} face(s) found in {scanned} photo(s); {skipped} already scanned; {failed} could not be read. Model: {providers}.</source>
        <translation>{faces} face(s) found in {scanned} photo(s); {skipped} already scanned; {failed} could not be read. Model: {providers}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{videos} video(s) analysed ({frames} sampled frames), {tracks} track(s) found; {skipped} video(s) already scanned.</source>
        <translation>{videos} video(s) analysed ({frames} sampled frames), {tracks} track(s) found; {skipped} video(s) already scanned.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a probe photo</source>
        <translation>Choose a probe photo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Searching {name}</source>
        <translation>Searching {name}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>track {track}</source>
        <translation>track {track}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searching with track {track}</source>
        <translation>Searching with track {track}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Searching with face {face}</source>
        <translation>Searching with face {face}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Probe {name}: {count} candidate(s) from {gallery} face(s) in the case; {above} at or above the threshold {threshold:.3f}. Search {search} (model pack {pack}).</source>
        <translation>Probe {name}: {count} candidate(s) from {gallery} face(s) in the case; {above} at or above the threshold {threshold:.3f}. Search {search} (model pack {pack}).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>good</source>
        <translation>good</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poor</source>
        <translation>poor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Probe quality {quality:.2f}: {band} band.</source>
        <translation>Probe quality {quality:.2f}: {band} band.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Threshold {applied:.3f} instead of {set:.2f}: the score at which different people&apos;s {band} faces match as rarely ({fmr}) as good faces do at {set:.2f}. Scores of unclear faces are lower for everyone, the right person included.</source>
        <translation>Threshold {applied:.3f} instead of {set:.2f}: the score at which different people&apos;s {band} faces match as rarely ({fmr}) as good faces do at {set:.2f}. Scores of unclear faces are lower for everyone, the right person included.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Applied to the probe: {steps}.</source>
        <translation>Applied to the probe: {steps}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>above</source>
        <translation>above</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>below</source>
        <translation>below</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recording the decision</source>
        <translation>Recording the decision</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/workstation/ui/import_wizard.py" line="+63"/>
        <source>Choose the file</source>
        <translation>Choose the file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV, text or Excel (.xlsx). Check that the rows below read right: Chinese as Chinese, one value per column.</source>
        <translation>CSV, text or Excel (.xlsx). Check that the rows below read right: Chinese as Chinese, one value per column.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File to import</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>detect</source>
        <translation>detect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>blanks (spaces or tabs)</source>
        <translation>blanks (spaces or tabs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line 1 names the columns</source>
        <translation>Line 1 names the columns</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delimiter</source>
        <translation>Delimiter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import a table</source>
        <translation>Import a table</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</source>
        <translation>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Previewing {name}</source>
        <translation>Previewing {name}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>blanks</source>
        <translation>blanks</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: encoding {encoding}, delimiter {delimiter}, {columns} column(s); lines {first} to {last} shown (numbered as in the file).</source>
        <translation>{name}: encoding {encoding}, delimiter {delimiter}, {columns} column(s); lines {first} to {last} shown (numbered as in the file).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>detect: {name}</source>
        <translation>detect: {name}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../src/workstation/ui/image_viewer.py" line="+43"/>
        <source>track {track} · quality {quality}</source>
        <extracomment>Photos larger than this (longest side, pixels) are shown scaled down. A box&apos;s caption shows once the box is this wide on screen (pixels).</extracomment>
        <translation>track {track} · quality {quality}</translation>
    </message>
</context>
<context>
    <name>ImportRejects</name>
    <message>
        <location filename="../../src/workstation/ui/import_result_page.py" line="+65"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/workstation/ui/import_wizard.py" line="+173"/>
        <source>Import a table into {number}</source>
        <extracomment>Emitted with the :class:`ImportSummary` once the import is done.</extracomment>
        <translation>Import a table into {number}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Importing {name}</source>
        <translation>Importing {name}</translation>
    </message>
</context>
<context>
    <name>KeyPlayersTable</name>
    <message>
        <location filename="../../src/workstation/ui/key_players_table.py" line="+36"/>
        <source>Entity</source>
        <extracomment>Emitted with the entity id of the row the user selected.</extracomment>
        <translation>Entity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>Degree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted degree</source>
        <translation>Weighted degree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Betweenness</source>
        <translation>Betweenness</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../src/workstation/ui/labels.py" line="+20"/>
        <source>criminal</source>
        <translation>criminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrative</source>
        <translation>administrative</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vehicle</source>
        <translation>vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location</source>
        <translation>location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account</source>
        <translation>account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>organisation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>suspect</source>
        <comment>role</comment>
        <translation>suspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>victim</source>
        <comment>role</comment>
        <translation>victim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness</source>
        <comment>role</comment>
        <translation>witness</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>associate</source>
        <comment>role</comment>
        <translation>associate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no role</source>
        <comment>role</comment>
        <translation>no role</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>call</source>
        <translation>call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>meeting</source>
        <translation>meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>co-location</source>
        <translation>co-location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owns</source>
        <translation>owns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uses</source>
        <translation>uses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transfer</source>
        <translation>transfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face-match</source>
        <translation>face-match</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>associate</source>
        <translation>associate</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/workstation/ui/session_dialogs.py" line="-48"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace {root} has user accounts. Log in to work in it.</source>
        <translation>The workspace {root} has user accounts. Log in to work in it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/workstation/ui/main_menus.py" line="+44"/>
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open case…</source>
        <translation>&amp;Open case…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recent cases</source>
        <translation>&amp;Recent cases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mark case as closed…</source>
        <translation>&amp;Mark case as closed…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export brief…</source>
        <translation>&amp;Export brief…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create &amp;administrator…</source>
        <translation>Create &amp;administrator…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import a table…</source>
        <translation>&amp;Import a table…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add evidence files…</source>
        <translation>&amp;Add evidence files…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find faces in the photos</source>
        <translation>&amp;Find faces in the photos</translation>
    </message>
    <message>
        <location filename="../../src/workstation/ui/main_window.py" line="+96"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Case Workstation — no case open</source>
        <translation>Case Workstation — no case open</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Wait for the running job to finish, or cancel it, first.</source>
        <translation>Wait for the running job to finish, or cancel it, first.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Case Workstation — {number} {title}</source>
        <translation>Case Workstation — {number} {title}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recording the search</source>
        <translation>Recording the search</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search entities by key or label</source>
        <translation>Search entities by key or label</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search links by the key or label of either end</source>
        <translation>Search links by the key or label of either end</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faces</source>
        <translation>Faces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enhance</source>
        <translation>Enhance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link chart</source>
        <translation>Link chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case quality</source>
        <translation>Case quality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraud warning</source>
        <translation>Fraud warning</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The new workspace folder or language applies when the workstation starts again.</source>
        <translation>The new workspace folder or language applies when the workstation starts again.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{label} has no timed links.</source>
        <translation>{label} has no timed links.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Role in the case</source>
        <translation>Role in the case</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Marking {label} as {role}</source>
        <translation>Marking {label} as {role}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{user} (single-user mode)</source>
        <translation>{user} (single-user mode)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{user} ({role})</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace: {root}   User: {user}</source>
        <translation>Workspace: {root}   User: {user}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{user} is the administrator; from now on everyone logs in to this workspace.</source>
        <translation>{user} is the administrator; from now on everyone logs in to this workspace.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelled: {title}</source>
        <translation>Cancelled: {title}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected error: {message}
The details are in the Log tab; please report them.</source>
        <translation>Unexpected error: {message}
The details are in the Log tab; please report them.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/workstation/ui/mapping_page.py" line="+73"/>
        <source>Map the columns</source>
        <translation>Map the columns</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each entity is found on every row by its key column; each link joins two of a row&apos;s entities. Start from a spec or add rows.</source>
        <translation>Each entity is found on every row by its key column; each link joins two of a row&apos;s entities. Start from a spec or add rows.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use this spec</source>
        <translation>Use this spec</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key column</source>
        <translation>Key column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label column</source>
        <translation>Label column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalise</source>
        <translation>Normalise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strip prefix</source>
        <translation>Strip prefix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribute columns</source>
        <translation>Attribute columns</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Link type</source>
        <translation>Link type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start time</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (s)</source>
        <translation>Duration (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add entity</source>
        <translation>Add entity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove entity</source>
        <translation>Remove entity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add link</source>
        <translation>Add link</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove link</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>automatic (2024-03-01 08:30:00 and similar)</source>
        <translation>automatic (2024-03-01 08:30:00 and similar)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start from:</source>
        <translation>Start from:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entities</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time format</source>
        <translation>Time format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country code of phones</source>
        <translation>Country code of phones</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(a new mapping)</source>
        <translation>(a new mapping)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The file has no column {missing}; choose one of its columns.</source>
        <translation>The file has no column {missing}; choose one of its columns.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>by type</source>
        <translation>by type</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Columns kept as attributes, separated by commas</source>
        <translation>Columns kept as attributes, separated by commas</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <location filename="../../src/workstation/ui/media_panel.py" line="+49"/>
        <location line="+52"/>
        <source>Select a photo to view it.</source>
        <translation>Select a photo to view it.</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Face boxes</source>
        <translation>Face boxes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Opening {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} is {type}; only photos and videos are shown here.</source>
        <translation>{name} is {type}; only photos and videos are shown here.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{name}, {width}×{height} px, {duration} at {fps} frames/s</source>
        <translation>{name}, {width}×{height} px, {duration} at {fps} frames/s</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n face(s) stored in {frames} frame(s); box label: track and quality.</source>
        <translation>
            <numerusform>%n face stored in {frames} frame(s); box label: track and quality.</numerusform>
            <numerusform>%n faces stored in {frames} frame(s); box label: track and quality.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not scanned for faces yet.</source>
        <translation>not scanned for faces yet.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>{name} cannot be shown: the file is not a readable photo.</source>
        <translation>{name} cannot be shown: the file is not a readable photo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}, {width}×{height} px</source>
        <translation>{name}, {width}×{height} px</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n face(s) found; box label: detector score.</source>
        <translation>
            <numerusform>%n face found; box label: detector score.</numerusform>
            <numerusform>%n faces found; box label: detector score.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no faces found, or not scanned yet.</source>
        <translation>no faces found, or not scanned yet.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../src/workstation/ui/new_case_dialog.py" line="+51"/>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 2026-0412</source>
        <translation>e.g. 2026-0412</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead officer</source>
        <translation>Lead officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case {number} already exists in this workspace.</source>
        <translation>Case {number} already exists in this workspace.</translation>
    </message>
</context>
<context>
    <name>PagedTableView</name>
    <message>
        <location filename="../../src/workstation/ui/table_views.py" line="+105"/>
        <source>{shown} of {total} rows</source>
        <extracomment>Typing pauses this long before the search runs.</extracomment>
        <translation>{shown} of {total} rows</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParameterForm</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_params.py" line="+123"/>
        <source>{name}: write the value as in a chain file, e.g. {example}</source>
        <extracomment>Emitted after the user changed a value.</extracomment>
        <translation>{name}: write the value as in a chain file, e.g. {example}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../src/workstation/ui/session_dialogs.py" line="-39"/>
        <source>Encrypted workspace</source>
        <translation>Encrypted workspace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace {root} is encrypted. Type its passphrase to open it.</source>
        <translation>The workspace {root} is encrypted. Type its passphrase to open it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
</context>
<context>
    <name>QualityCharts</name>
    <message>
        <location filename="../../src/workstation/ui/quality_charts.py" line="+54"/>
        <source>Closed within the limit, by month (%)</source>
        <translation>Closed within the limit, by month (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem points by category</source>
        <translation>Problem points by category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station scores</source>
        <translation>Station scores</translation>
    </message>
</context>
<context>
    <name>QualityView</name>
    <message>
        <location filename="../../src/workstation/ui/quality_view.py" line="+91"/>
        <source>Refresh</source>
        <extracomment>A finding was recorded (its id). The monthly PDF was written (its path). New figures are shown. The day open cases are judged on; today when None.</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+12"/>
        <source>Rank</source>
        <extracomment>The records left out of the figures or doubtful, with why.</extracomment>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+13"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Closure rate</source>
        <translation>Closure rate</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Problem points</source>
        <translation>Problem points</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assist</source>
        <translation>Assist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points borne</source>
        <translation>Points borne</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officers</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What was found (needed)</source>
        <translation>What was found (needed)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record finding</source>
        <translation>Record finding</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finding in case:</source>
        <translation>Finding in case:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Case-quality figures are for supervisors; your role may not read them.</source>
        <translation>Case-quality figures are for supervisors; your role may not read them.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the case lists</source>
        <translation>Reading the case lists</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Computing the quality figures</source>
        <translation>Computing the quality figures</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{cases} cases ({admin} administrative, {criminal} criminal); {late} registered late; administrative closed in time {rate} ({in_time} in time, {overdue} overdue, {pending} pending); problem points {points:g}.</source>
        <translation>{cases} cases ({admin} administrative, {criminal} criminal); {late} registered late; administrative closed in time {rate} ({in_time} in time, {overdue} overdue, {pending} pending); problem points {points:g}.</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Recorded finding {id} on {record}.</source>
        <translation>Recorded finding {id} on {record}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recording a finding</source>
        <translation>Recording a finding</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export the monthly summary</source>
        <translation>Export the monthly summary</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrote {path}</source>
        <translation>Wrote {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting the quality summary</source>
        <translation>Exporting the quality summary</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../src/workstation/ui/report_dialog.py" line="+55"/>
        <source>Exporting the report of {number}</source>
        <translation>Exporting the report of {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export case report</source>
        <translation>Export case report</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chinese (中文)</source>
        <translation>Chinese (中文)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Brief (a few pages)</source>
        <translation>Brief (a few pages)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full report (everything)</source>
        <translation>Full report (everything)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default: 内部 in Chinese, RESTRICTED in English</source>
        <translation>Default: 内部 in Chinese, RESTRICTED in English</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The brief holds the case summary, suspects, face candidates, the link chart, key players and the evidence list with SHA-256 sums.</source>
        <translation>The brief holds the case summary, suspects, face candidates, the link chart, key players and the evidence list with SHA-256 sums.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The full report prints every search and candidate, all key players, the imports with their rejects, every evidence item and the whole audit trail.</source>
        <translation>The full report prints every search and candidate, all key players, the imports with their rejects, every evidence item and the whole audit trail.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marking</source>
        <translation>Marking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Suspects</source>
        <translation>Suspects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face-search candidates</source>
        <translation>Face-search candidates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link chart and timeline</source>
        <translation>Link chart and timeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key players</source>
        <translation>Key players</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence list</source>
        <translation>Evidence list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enhancement processing reports</source>
        <translation>Enhancement processing reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit extract</source>
        <translation>Audit extract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor reviews</source>
        <translation>Supervisor reviews</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sections to include</source>
        <translation>Sections to include</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tick at least one section to export.</source>
        <translation>Tick at least one section to export.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the report as</source>
        <translation>Save the report as</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Cancelled; no report was written.</source>
        <translation>Cancelled; no report was written.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The report was not written: {message}</source>
        <translation>The report was not written: {message}</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Writing {path}…</source>
        <translation>Writing {path}…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Step {done} of {total}: {message}</source>
        <translation>Step {done} of {total}: {message}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Full report written to {path}.</source>
        <translation>Full report written to {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brief written to {path}.</source>
        <translation>Brief written to {path}.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No PDF viewer could open {path}; open it by hand.</source>
        <translation>No PDF viewer could open {path}; open it by hand.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../src/workstation/ui/import_result_page.py" line="+19"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Importing {file} with spec {spec}…</source>
        <translation>Importing {file} with spec {spec}…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{file}: {read} row(s) read, {loaded} imported, {rejected} rejected; {entities} new entities, {links} new links. Encoding {encoding}. Import {id}.</source>
        <translation>{file}: {read} row(s) read, {loaded} imported, {rejected} rejected; {entities} new entities, {links} new links. Encoding {encoding}. Import {id}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rejected rows, by line in the file:</source>
        <translation>Rejected rows, by line in the file:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No row was rejected.</source>
        <translation>No row was rejected.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelled; nothing was imported.</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: {message}</source>
        <translation>Nothing was imported: {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go back to change the mapping.</source>
        <translation>Go back to change the mapping.</translation>
    </message>
</context>
<context>
    <name>ReviewsView</name>
    <message>
        <location filename="../../src/workstation/ui/reviews_view.py" line="+50"/>
        <source>link chart</source>
        <translation>link chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face decisions</source>
        <translation>face decisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brief</source>
        <translation>brief</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>awaiting review</source>
        <translation>awaiting review</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+11"/>
        <source>returned</source>
        <translation>returned</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resubmitted</source>
        <translation>resubmitted</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Review</source>
        <extracomment>A review was approved, returned or resubmitted (its id).</extracomment>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work</source>
        <translation>Work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comment for the analyst (needed to return work)</source>
        <translation>Comment for the analyst (needed to return work)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resubmit</source>
        <translation>Resubmit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%n review(s) in this case, {waiting} awaiting a decision.</source>
        <translation>
            <numerusform>%n review in this case, {waiting} awaiting a decision.</numerusform>
            <numerusform>%n reviews in this case, {waiting} awaiting a decision.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing of this case was submitted for review yet. Submit a saved chart view from the Link chart tab, or face decisions and briefs with `workstation review submit`.</source>
        <translation>Nothing of this case was submitted for review yet. Submit a saved chart view from the Link chart tab, or face decisions and briefs with `workstation review submit`.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>History of review {id} ({what}):</source>
        <translation>History of review {id} ({what}):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a review to see its history.</source>
        <translation>Select a review to see its history.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Approving review {id}</source>
        <translation>Approving review {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Returning review {id}</source>
        <translation>Returning review {id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resubmitting review {id}</source>
        <translation>Resubmitting review {id}</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <location filename="../../src/workstation/ui/import_wizard.py" line="-165"/>
        <source>Save the mapping</source>
        <translation>Save the mapping</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as a TOML spec, the mapping imports the next file of this layout in one step, here or with `workstation import --spec`.</source>
        <translation>Saved as a TOML spec, the mapping imports the next file of this layout in one step, here or with `workstation import --spec`.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the mapping as a spec file</source>
        <translation>Save the mapping as a spec file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import again even if the case already holds this file</source>
        <translation>Import again even if the case already holds this file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A file imported twice counts every row twice; tick this only when that is what you want.</source>
        <translation>A file imported twice counts every row twice; tick this only when that is what you want.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spec file</source>
        <translation>Spec file</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the spec as</source>
        <translation>Save the spec as</translation>
    </message>
</context>
<context>
    <name>SavedViewsPanel</name>
    <message>
        <location filename="../../src/workstation/ui/chart_views_panel.py" line="+52"/>
        <source>Open view</source>
        <extracomment>Emitted with the name to save the chart under. Emitted with the name and version of a view to open. Emitted with the note for the reviewer.</extracomment>
        <translation>Open view</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. core members, October</source>
        <translation>e.g. core members, October</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save view</source>
        <translation>Save view</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the supervisor should check</source>
        <translation>What the supervisor should check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit for review</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved views</source>
        <translation>Saved views</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} v{version} · {state} · {author} · {time}</source>
        <translation>{name} v{version} · {state} · {author} · {time}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The chart is not saved as shown.</source>
        <translation>The chart is not saved as shown.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing saved view {name} v{version}.</source>
        <translation>Showing saved view {name} v{version}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Submitted for review {id}: {ref}. A supervisor approves or returns it.</source>
        <translation>Submitted for review {id}: {ref}. A supervisor approves or returns it.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>returned</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/workstation/ui/settings_dialog.py" line="+54"/>
        <source>Settings</source>
        <extracomment>Preferences used only when the workstation starts again.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run face models on the CPU even when a GPU is available</source>
        <translation>Run face models on the CPU even when a GPU is available</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Candidates scoring at least this cosine similarity are marked above the threshold. They remain leads, never identifications.</source>
        <translation>Candidates scoring at least this cosine similarity are marked above the threshold. They remain leads, never identifications.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model pack, CPU choice and threshold apply to the next job. A new workspace folder or language applies when the workstation starts again.</source>
        <translation>The model pack, CPU choice and threshold apply to the next job. A new workspace folder or language applies when the workstation starts again.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+21"/>
        <source>Workspace folder</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Face model pack</source>
        <translation>Face model pack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processor</source>
        <translation>Processor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face match threshold</source>
        <translation>Face match threshold</translation>
    </message>
</context>
<context>
    <name>StepsEditor</name>
    <message>
        <location filename="../../src/workstation/ui/enhance_steps.py" line="+63"/>
        <source>Add step</source>
        <extracomment>Emitted after any change to the steps or their parameters.</extracomment>
        <translation>Add step</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+125"/>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parameters of step {number}: {operation}</source>
        <translation>Parameters of step {number}: {operation}</translation>
    </message>
</context>
<context>
    <name>TimeWindowBar</name>
    <message>
        <location filename="../../src/workstation/ui/chart_time_window.py" line="+40"/>
        <source>First day whose links are shown</source>
        <extracomment>Milliseconds the sliders must rest before the window is announced. ``(start, end)`` of the window chosen: links at or after ``start`` and before ``end``; None where the window reaches the case&apos;s first or last link.</extracomment>
        <translation>First day whose links are shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day whose links are shown</source>
        <translation>Last day whose links are shown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole period</source>
        <translation>Whole period</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time window</source>
        <translation>Time window</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No timed links</source>
        <translation>No timed links</translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>{first} to {last} (%n day(s))</source>
        <translation>
            <numerusform>{first} to {last} (%n day)</numerusform>
            <numerusform>{first} to {last} (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../src/workstation/ui/timeline_view.py" line="+43"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>counting per day, weekday and hour</source>
        <translation>counting per day, weekday and hour</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>timeline ready</source>
        <translation>timeline ready</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All timed links</source>
        <translation>All timed links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Links per day</source>
        <translation>Links per day</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hour of day</source>
        <translation>Hour of day</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>links</source>
        <translation>links</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whose links:</source>
        <translation>Whose links:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Whole case</source>
        <translation>Whole case</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} — {type}, {count} links</source>
        <translation>{name} — {type}, {count} links</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Counting the timeline</source>
        <translation>Counting the timeline</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No timed links to show. Links get a time when an import maps a start time column.</source>
        <translation>No timed links to show. Links get a time when an import maps a start time column.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{total} links on {days} days, {first} to {last}. Busiest day {busiest} ({most}); busiest hour {weekday} {hour:02d}:00 ({peak}).</source>
        <translation>{total} links on {days} days, {first} to {last}. Busiest day {busiest} ({most}); busiest hour {weekday} {hour:02d}:00 ({peak}).</translation>
    </message>
</context>
<context>
    <name>TracksPanel</name>
    <message>
        <location filename="../../src/workstation/ui/face_tracks_panel.py" line="+60"/>
        <source>Video tracks are listed once loaded.</source>
        <extracomment>Emitted with ``(track id, id of its clearest face, its description)`` to search with the track.</extracomment>
        <translation>Video tracks are listed once loaded.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faces</source>
        <translation>Faces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best quality</source>
        <translation>Best quality</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+71"/>
        <source>Select a track to see its best shots.</source>
        <translation>Select a track to see its best shots.</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Search with this track</source>
        <translation>Search with this track</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Searches the case with the track&apos;s template (all its faces averaged); the candidates show in the Search tab.</source>
        <translation>Searches the case with the track&apos;s template (all its faces averaged); the candidates show in the Search tab.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Listing video tracks</source>
        <translation>Listing video tracks</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{tracks} track(s) in {videos} video(s): each is one person followed from frame to frame. Select one for its best shots.</source>
        <translation>{tracks} track(s) in {videos} video(s): each is one person followed from frame to frame. Select one for its best shots.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No video tracks: add videos to the case and find faces in them.</source>
        <translation>No video tracks: add videos to the case and find faces in them.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>frames {first} to {last}</source>
        <translation>frames {first} to {last}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>cutting the best shots</source>
        <translation>cutting the best shots</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Best shots of track {track}</source>
        <translation>Best shots of track {track}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Track {track}, {video}, {start} to {end}: its {shots} clearest of {faces} face(s), each with its frame and time.</source>
        <translation>Track {track}, {video}, {start} to {end}: its {shots} clearest of {faces} face(s), each with its frame and time.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>track {track} ({video}, {start} to {end})</source>
        <translation>track {track} ({video}, {start} to {end})</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <location filename="../../src/workstation/ui/video_player.py" line="+86"/>
        <source>◀◀ Analysed</source>
        <extracomment>Emitted with the frame number after each frame is drawn. Emitted once a video is open (its details are in :attr:`details`). Emitted with a message a person can act on when a video or frame fails.</extracomment>
        <translation>◀◀ Analysed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The previous frame the face scan analysed</source>
        <translation>The previous frame the face scan analysed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Frame</source>
        <translation>◀ Frame</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One frame back</source>
        <translation>One frame back</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+180"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Frame ▶</source>
        <translation>Frame ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One frame on</source>
        <translation>One frame on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysed ▶▶</source>
        <translation>Analysed ▶▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next frame the face scan analysed</source>
        <translation>The next frame the face scan analysed</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Frame {frame} / {count} · {time} / {duration}</source>
        <translation>Frame {frame} / {count} · {time} / {duration}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not scanned for faces yet.</source>
        <translation>Not scanned for faces yet.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Analysed frame: %n face(s).</source>
        <translation>
            <numerusform>Analysed frame: %n face.</numerusform>
            <numerusform>Analysed frame: %n faces.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not an analysed frame (faces were searched at {rate} frames/s).</source>
        <translation>Not an analysed frame (faces were searched at {rate} frames/s).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>WarningView</name>
    <message>
        <location filename="../../src/workstation/ui/warning_view.py" line="+88"/>
        <source>Load watch-list…</source>
        <extracomment>The window shown when the tab opens: the last this many days. The officer filter&apos;s item for every officer.</extracomment>
        <translation>Load watch-list…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run warning</source>
        <translation>Run warning</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Officer / rank</source>
        <translation>Officer / rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call min</source>
        <translation>Call min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watched numbers</source>
        <translation>Watched numbers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First contact</source>
        <translation>First contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No watch-list in this case yet. Load a CSV, TXT or XLSX file with one number a line (a second column may say where it came from).</source>
        <translation>No watch-list in this case yet. Load a CSV, TXT or XLSX file with one number a line (a second column may say where it came from).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} ({count} numbers, {by})</source>
        <translation>{name} ({count} numbers, {by})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Watch-lists: {names}</source>
        <translation>Watch-lists: {names}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load watch-list</source>
        <translation>Load watch-list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watch-lists (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Watch-lists (*.csv *.txt *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loaded {name}: {count} numbers.</source>
        <translation>Loaded {name}: {count} numbers.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading watch-list {name}</source>
        <translation>Loading watch-list {name}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Running the fraud warning</source>
        <translation>Running the fraud warning</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All officers</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No officer</source>
        <translation>No officer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose the days and run the warning to see who was contacted.</source>
        <translation>Choose the days and run the warning to see who was contacted.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{start} to {end}: {watched} watched numbers reached {listed} residents and {unlisted} unlisted numbers.</source>
        <translation>{start} to {end}: {watched} watched numbers reached {listed} residents and {unlisted} unlisted numbers.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(unlisted number)</source>
        <translation>(unlisted number)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export dispatch list</source>
        <translation>Export dispatch list</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dispatch list written to {path}</source>
        <translation>Dispatch list written to {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting the dispatch list</source>
        <translation>Exporting the dispatch list</translation>
    </message>
</context>
</TS>
