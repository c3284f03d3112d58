DELETE FROM processed.session_funnel WHERE hour = ?;
