-- Files the user wrote out of the app (only these may be opened from it with
-- the system's program) and the last folder of each kind of file dialog.
CREATE TABLE exported_files (
    path       TEXT PRIMARY KEY,
    written_at TEXT NOT NULL
);

CREATE TABLE dialog_folders (
    purpose TEXT PRIMARY KEY,
    path    TEXT NOT NULL
);
