-- Article texts and full-text vectors are read back whole for every brief:
-- lz4 decompresses them several times faster than PostgreSQL's default
-- (pglz), for a little more disk. Servers before 14, or built without
-- lz4, keep the default.
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
        ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN tsv SET COMPRESSION lz4;
    END IF;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    NULL;
END $$;
