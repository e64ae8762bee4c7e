"""Store: the private history on disk and everything that reads or rewrites it.

The SQLite history and its migrations (`history`, `migrations`), the queries the screens ask of it (`queries`),
retention, re-estimation, archives and recovery, the user's settings and preferences kept in it, and the safe writing
of private files (`files`, `memo`).

May import: model/, words/ and the kernel (schemas, paths, version). Imported by pipe/, insight/, cli/ and the app.
"""
