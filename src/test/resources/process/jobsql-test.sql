-- A statement file for JobSqlTest: comments, an option list, a plain value, a last statement without ';'.
CREATE TABLE t (
    a STRING
) WITH (
    -- a comment inside a statement is dropped too
    'topic' = '${topic}',
    ${options}
);

    -- an indented comment
SELECT '${topic}' AS a;
SELECT 1
