package dev.funnelstream.report;

import dev.funnelstream.report.ReportTable.Column;
import dev.funnelstream.report.ReportTable.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the sessions at view, cart and purchase into the funnel reports' rows with step conversions. */
final class FunnelSteps {
    private static final String[] STEPS = {"view", "cart", "purchase"};

    private FunnelSteps() {
    }

    /** The batch funnel: conversion from the previous step and from the start. */
    static ReportTable table(long[] sessions) {
        List<Column> columns = List.of(new Column("step", Kind.TEXT), new Column("sessions", Kind.COUNT),
                new Column("conversion_from_previous", Kind.RATE), new Column("conversion_from_start", Kind.RATE));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < STEPS.length; i++) {
            rows.add(Arrays.asList(STEPS[i], sessions[i], fromPrevious(sessions, i), ratio(sessions[i], sessions[0])));
        }
        return new ReportTable(ReportName.FUNNEL.slug(), columns, rows);
    }

    /** The live funnel: conversion from the previous step only. */
    static ReportTable live(long[] sessions) {
        List<Column> columns = List.of(new Column("step", Kind.TEXT), new Column("sessions", Kind.COUNT),
                new Column("conversion", Kind.RATE));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < STEPS.length; i++) {
            rows.add(Arrays.asList(STEPS[i], sessions[i], fromPrevious(sessions, i)));
        }
        return new ReportTable(ReportName.LIVE_FUNNEL.slug(), columns, rows);
    }

    /** The dashboard's funnel: conversion from the previous step and the share of it lost (none for view). */
    static ReportTable conversion(long[] sessions) {
        List<Column> columns = List.of(new Column("step", Kind.TEXT), new Column("sessions", Kind.COUNT),
                new Column("conversion", Kind.RATE), new Column("drop_off", Kind.RATE));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < STEPS.length; i++) {
            BigDecimal conversion = fromPrevious(sessions, i);
            BigDecimal dropOff = i == 0 || conversion == null ? null : BigDecimal.ONE.subtract(conversion);
            rows.add(Arrays.asList(STEPS[i], sessions[i], conversion, dropOff));
        }
        return new ReportTable(ReportName.CONVERSION_FUNNEL.slug(), columns, rows);
    }

    /** @param sessions the sessions that reached each step, in order */
    private static BigDecimal fromPrevious(long[] sessions, int step) {
        return ratio(sessions[step], step == 0 ? sessions[0] : sessions[step - 1]);
    }

    /** The share, 4 decimals; null when there is nothing to convert from. */
    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
