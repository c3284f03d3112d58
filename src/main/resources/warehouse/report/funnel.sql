-- Sessions at each funnel step, all time, from the daily funnel (each session on one day).
SELECT coalesce(sum(viewed), 0) AS viewed, coalesce(sum(carted), 0) AS carted,
       coalesce(sum(purchased), 0) AS purchased
FROM reporting.session_funnel_daily;
