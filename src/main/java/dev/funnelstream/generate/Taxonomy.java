package dev.funnelstream.generate;

import java.util.List;

/**
 * The shop's departments, modelled on the real REES46 store: category codes with a share of the
 * traffic, a typical price and the brands sold there. Departments without a code stand for the
 * real categories whose category_code is empty (cosmetics, tyres, tableware, ...).
 */
final class Taxonomy {

    /** Share of the traffic that goes to departments without a category_code (real data: ~30%). */
    static final double UNCODED_SHARE = 0.30;

    /**
     * One department.
     *
     * @param code        category_code, or null for a department without one
     * @param weight      relative traffic among departments of the same kind (coded or not)
     * @param medianPrice typical price of its products
     * @param brands      brands sold there, most popular first
     */
    record Department(String code, double weight, double medianPrice, List<String> brands) {
    }

    static final List<Department> CODED = List.of(
            coded("electronics.smartphone", 30, 260, "samsung apple xiaomi huawei oppo vivo meizu oneplus nokia honor"),
            coded("electronics.clocks", 4, 150, "apple samsung casio garmin xiaomi huawei amazfit longines"),
            coded("electronics.audio.headphone", 4, 40, "apple samsung xiaomi sony jbl huawei sennheiser"),
            coded("electronics.video.tv", 3, 380, "samsung lg sony philips hyundai xiaomi artel"),
            coded("electronics.tablet", 1.5, 280, "apple samsung lenovo huawei"),
            coded("electronics.telephone", 1, 30, "nokia panasonic texet"),
            coded("electronics.audio.subwoofer", 0.5, 110, "pioneer jbl kicx"),
            coded("electronics.camera.video", 0.4, 250, "gopro sony"),
            coded("electronics.video.projector", 0.3, 380, "epson acer"),
            coded("computers.notebook", 4, 520, "lenovo hp acer asus apple dell msi"),
            coded("computers.desktop", 1.5, 650, "pulser hp lenovo acer"),
            coded("computers.components.hdd", 0.8, 60, "seagate wd toshiba"),
            coded("computers.components.videocards", 0.7, 330, "msi gigabyte asus palit"),
            coded("computers.components.motherboard", 0.3, 110, "asus msi gigabyte"),
            coded("computers.components.power_supply", 0.3, 50, "chieftec aerocool"),
            coded("computers.peripherals.monitor", 0.8, 170, "samsung lg acer aoc"),
            coded("computers.peripherals.printer", 0.6, 150, "hp canon epson"),
            coded("computers.peripherals.mouse", 0.5, 14, "logitech a4tech"),
            coded("appliances.kitchen.washer", 2, 290, "samsung lg indesit beko artel bosch"),
            coded("appliances.kitchen.refrigerators", 1.8, 430, "samsung lg indesit beko atlant"),
            coded("appliances.environment.vacuum", 1.8, 120, "samsung philips xiaomi dauscher karcher"),
            coded("appliances.environment.air_heater", 1.5, 40, "ballu timberk polaris"),
            coded("appliances.environment.water_heater", 1, 110, "ariston haier aqua thermex"),
            coded("appliances.environment.air_conditioner", 0.4, 340, "samsung artel midea"),
            coded("appliances.kitchen.microwave", 0.5, 70, "samsung lg elenberg midea"),
            coded("appliances.kitchen.meat_grinder", 0.6, 60, "redmond bosch moulinex"),
            coded("appliances.kitchen.blender", 0.5, 40, "philips tefal redmond"),
            coded("appliances.kitchen.kettle", 0.4, 25, "tefal polaris vitek"),
            coded("appliances.kitchen.oven", 0.3, 290, "bosch electrolux"),
            coded("appliances.kitchen.dishwasher", 0.3, 340, "bosch beko midea"),
            coded("appliances.kitchen.mixer", 0.2, 60, "bosch kitchenaid"),
            coded("appliances.kitchen.grill", 0.2, 60, "tefal redmond"),
            coded("appliances.iron", 0.4, 35, "philips tefal braun"),
            coded("appliances.sewing_machine", 0.3, 180, "janome brother singer"),
            coded("appliances.ironing_board", 0.2, 25, "nika"),
            coded("apparel.shoes", 1.2, 90, "nike adidas puma respect"),
            coded("apparel.shoes.keds", 1.2, 80, "baden respect nike"),
            coded("apparel.shoes.slipons", 0.3, 50, "respect"),
            coded("apparel.costume", 0.3, 60, ""),
            coded("furniture.living_room.sofa", 0.6, 480, "brw sv"),
            coded("furniture.living_room.cabinet", 0.6, 150, "brw"),
            coded("furniture.living_room.chair", 0.3, 100, ""),
            coded("furniture.bedroom.bed", 0.5, 250, "brw askona"),
            coded("furniture.kitchen.table", 0.4, 120, ""),
            coded("furniture.kitchen.chair", 0.3, 40, ""),
            coded("furniture.bathroom.toilet", 0.3, 150, "cersanit"),
            coded("auto.accessories.alarm", 0.8, 150, "starline pandora"),
            coded("auto.accessories.player", 0.6, 50, "pioneer"),
            coded("auto.accessories.videoregister", 0.5, 60, "xiaomi"),
            coded("auto.accessories.compressor", 0.2, 40, ""),
            coded("construction.tools.drill", 0.6, 80, "bosch makita"),
            coded("construction.tools.saw", 0.6, 100, "bosch makita"),
            coded("construction.tools.welding", 0.4, 150, ""),
            coded("construction.tools.pump", 0.3, 150, "gerat"),
            coded("kids.carriage", 0.4, 300, ""),
            coded("kids.skates", 0.3, 60, ""),
            coded("sport.bicycle", 0.5, 250, "stels forward"),
            coded("accessories.bag", 0.4, 40, ""),
            coded("stationery.cartrige", 0.2, 30, "hp canon"),
            coded("medicine.tools.tonometer", 0.2, 40, "omron"),
            coded("country_yard.lawn_mower", 0.1, 200, ""));

    static final List<Department> UNCODED = List.of(
            uncoded(5, 25, "shiseido estel loreal nivea garnier kapous"),
            uncoded(3, 80, "creed chanel dior lancome"),
            uncoded(3, 65, "cordiant nokian yokohama viatti triangle michelin"),
            uncoded(2.5, 20, "luminarc tefal kitfort pyrex"),
            uncoded(2, 40, "lucente eglo"),
            uncoded(2, 30, "lego hasbro mattel"),
            uncoded(1.5, 60, "gerat sturm patriot"),
            uncoded(1.5, 70, "casio orient"),
            uncoded(1.5, 35, "respect samsonite"),
            uncoded(1.5, 45, "karcher dauscher vitek"),
            uncoded(1.5, 10, "xiaomi samsung baseus"),
            uncoded(1, 90, "sony philips jbl"),
            uncoded(1, 200, "brw sv"),
            uncoded(1, 120, "force stels torneo"),
            uncoded(1, 8, ""),
            uncoded(0.8, 15, ""));

    /** Brands for departments that list none: many small names, as in the long tail of the real data. */
    static final List<String> SMALL_BRANDS = List.of(
            "bts", "elari", "svc", "skad", "oasis", "sv", "magnetta", "tesler", "scarlett", "maxwell",
            "rondell", "bbk", "supra", "irit", "defender", "ritmix", "hoco", "remax", "ginzzu", "aceline");

    private Taxonomy() {
    }

    private static Department coded(String code, double weight, double medianPrice, String brands) {
        return new Department(code, weight, medianPrice, split(brands));
    }

    private static Department uncoded(double weight, double medianPrice, String brands) {
        return new Department(null, weight, medianPrice, split(brands));
    }

    private static List<String> split(String brands) {
        return brands.isBlank() ? List.of() : List.of(brands.split(" "));
    }
}
