"""Model: the footprint of one interaction, as small pure functions over sourced data.

The estimator and its equations (`estimator`, `llm`, `tokens`, `grid`, `equivalents`, `scaling`, `training`), the
loading of the sourced data in core/data (`modeldata`), model names as people write them (`modelnames`), and the
validation table against independent measurements (`validation`).

May import: words/ and the kernel (schemas, paths, version). Imported by store/, insight/, pipe/, cli/ and the app.
"""
