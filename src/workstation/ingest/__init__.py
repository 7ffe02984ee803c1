"""Reading user tables before loading: specs, encodings, workbooks and keys.

Nothing here touches the database; ``workstation.store.tabular_load`` loads
what these modules prepare.
"""
