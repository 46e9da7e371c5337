-- What trimming needs of the searchable version, on the document row itself, so a search's trimming reads documents
-- alone instead of joining every searchable version. Set in the transaction that makes a version searchable; when
-- that version goes, live_version_key becomes NULL and these are no longer read.
ALTER TABLE documents
    ADD COLUMN live_chunk_count integer NOT NULL DEFAULT 0,
    ADD COLUMN live_indexed_at  timestamptz;

UPDATE documents d
SET live_chunk_count = v.chunk_count, live_indexed_at = v.indexed_at
FROM document_versions v
WHERE v.version_key = d.live_version_key;

-- A chunk's vector stays in the row (MAIN: compressed or moved out only as a last resort; its text moves out first),
-- so ranking a dense candidate reads no TOAST. Applies to rows written from now on.
ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE MAIN;
