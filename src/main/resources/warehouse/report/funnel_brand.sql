-- Sessions at each funnel step within one brand (parameter: brand, 'unknown' for none), all time.
SELECT coalesce(sum(viewed), 0) AS viewed, coalesce(sum(carted), 0) AS carted,
       coalesce(sum(purchased), 0) AS purchased
FROM reporting.session_funnel_brand_daily
WHERE brand = ?;
