package dev.funnelstream.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The synthetic shop's products, built from the seed, with a skewed (Zipf-like) popularity. */
final class Catalog {

    private static final double NULL_BRAND = 0.14;
    private static final double FREE = 0.002;
    /** Spread of prices inside a department (sigma of the log); departments differ on top of it. */
    private static final double PRICE_SIGMA = 0.65;
    /** Brings the median price of rows near the real ~170 given the departments' mix of traffic. */
    private static final double PRICE_SCALE = 1.4;
    /** Flattens the top of the Zipf curve so the best seller gets ~1-2% of views, as in the real data. */
    private static final double POPULARITY_OFFSET = 10;
    private static final double SAME_PRODUCT = 0.15;
    private static final double SAME_DEPARTMENT = 0.55;
    /** category_id values in the real data cluster just above this number. */
    private static final long OLD_CATEGORY_BASE = 2053013552226107603L;
    private static final long NEW_CATEGORY_BASE = 2055156924000000000L;

    private final Product[] products;
    private final int[] departmentOf;
    private final int[][] members;
    private final AliasTable popularity;

    private Catalog(Product[] products, int[] departmentOf, int[][] members) {
        this.products = products;
        this.departmentOf = departmentOf;
        this.members = members;
        double[] weights = new double[products.length];
        for (int rank = 0; rank < weights.length; rank++) {
            weights[rank] = popularity(rank);
        }
        this.popularity = new AliasTable(weights);
    }

    private static double popularity(int rank) {
        return 1.0 / (rank + POPULARITY_OFFSET);
    }

    /** Builds {@code size} products; index order is popularity rank, most popular first. */
    static Catalog build(long seed, int size) {
        Rng rng = Rng.stream(seed, 1);
        List<Taxonomy.Department> departments = new ArrayList<>(Taxonomy.CODED);
        departments.addAll(Taxonomy.UNCODED);
        Set<Long> usedCategoryIds = new HashSet<>();
        ProductIds ids = new ProductIds(rng);
        List<DepartmentStock> stock = new ArrayList<>();
        for (Taxonomy.Department d : departments) {
            int idCount = d.code() != null && rng.chance(0.25) ? 2 : 1;
            String[] categoryIds = new String[idCount];
            for (int i = 0; i < idCount; i++) {
                categoryIds[i] = Long.toString(newCategoryId(rng, usedCategoryIds));
            }
            stock.add(new DepartmentStock(d, categoryIds, new ArrayList<>()));
        }
        Draw coded = new Draw(departments, true);
        Draw uncoded = new Draw(departments, false);
        Product[] products = new Product[size];
        int[] departmentOf = new int[size];
        // A few top products carry much of the traffic, so drawing their kind at random would swing
        // the share of rows without category_code or brand by several points from seed to seed.
        // Instead each rank takes whichever kind keeps the popularity-weighted share on target.
        ShareKeeper noCode = new ShareKeeper(Taxonomy.UNCODED_SHARE);
        ShareKeeper noBrand = new ShareKeeper(NULL_BRAND);
        for (int rank = 0; rank < size; rank++) {
            double weight = popularity(rank);
            int d = noCode.take(weight) ? uncoded.department(rng) : coded.department(rng);
            DepartmentStock s = stock.get(d);
            products[rank] = newProduct(rng, ids.next(d), s, noBrand.take(weight));
            departmentOf[rank] = d;
            s.members().add(rank);
        }
        int[][] members = new int[stock.size()][];
        for (int d = 0; d < members.length; d++) {
            members[d] = stock.get(d).members().stream().mapToInt(Integer::intValue).toArray();
        }
        return new Catalog(products, departmentOf, members);
    }

    Product product(int index) {
        return products[index];
    }

    /** A product drawn by popularity. */
    int popular(Rng rng) {
        return popularity.draw(rng);
    }

    /** The next product a shopper looks at after {@code current}: often the same one or a sibling. */
    int browse(int current, Rng rng) {
        double u = rng.nextDouble();
        if (u < SAME_PRODUCT) {
            return current;
        }
        if (u < SAME_PRODUCT + SAME_DEPARTMENT) {
            int[] siblings = members[departmentOf[current]];
            double d = rng.nextDouble();
            return siblings[(int) (siblings.length * d * d)]; // members are in rank order: favour the top
        }
        return popular(rng);
    }

    private static long newCategoryId(Rng rng, Set<Long> used) {
        while (true) {
            long id = rng.chance(0.6)
                    ? OLD_CATEGORY_BASE + rng.nextLong(15_000_000_000L)
                    : NEW_CATEGORY_BASE + rng.nextLong(117_000_000_000_000_000L);
            if (used.add(id)) {
                return id;
            }
        }
    }

    private static Product newProduct(Rng rng, long productId, DepartmentStock s, boolean noBrand) {
        Taxonomy.Department d = s.department();
        String categoryId = s.categoryIds()[rng.nextInt(s.categoryIds().length)];
        String brand = noBrand ? null : brand(rng, d.brands());
        String price = price(rng, d.medianPrice());
        String id = Long.toString(productId);
        String csv = id + ',' + categoryId + ',' + nullToEmpty(d.code()) + ',' + nullToEmpty(brand) + ',' + price;
        return new Product(id, categoryId, d.code(), brand, price, csv.getBytes(StandardCharsets.US_ASCII));
    }

    private static String brand(Rng rng, List<String> brands) {
        List<String> pool = brands.isEmpty() ? Taxonomy.SMALL_BRANDS : brands;
        double u = rng.nextDouble();
        return pool.get((int) (pool.size() * u * u)); // the first brands sell the most
    }

    private static String price(Rng rng, double median) {
        if (rng.chance(FREE)) {
            return "0.00";
        }
        long cents = Math.round(median * PRICE_SCALE * StrictMath.exp(PRICE_SIGMA * rng.nextGaussian()) * 100);
        return Prices.text(Math.max(77, cents));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Draws a department of one kind (with or without a code) by its traffic weight. */
    private static final class Draw {
        private final int[] indexes;
        private final AliasTable table;

        Draw(List<Taxonomy.Department> departments, boolean withCode) {
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < departments.size(); i++) {
                if ((departments.get(i).code() != null) == withCode) {
                    chosen.add(i);
                }
            }
            indexes = chosen.stream().mapToInt(Integer::intValue).toArray();
            double[] weights = new double[indexes.length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = departments.get(indexes[i]).weight();
            }
            table = new AliasTable(weights);
        }

        int department(Rng rng) {
            return indexes[table.draw(rng)];
        }
    }

    /** Products of one department while the catalog is being built. */
    private record DepartmentStock(Taxonomy.Department department, String[] categoryIds, List<Integer> members) {
    }
}
