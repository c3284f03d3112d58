-- For JobSqlTest: a placeholder no value fills.
SELECT '${known}', '${unknown}';
