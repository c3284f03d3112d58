DELETE FROM live.processed.session_funnel WHERE hour = ?;
