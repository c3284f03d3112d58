package dev.funnelstream.generate;

/**
 * One product of the synthetic catalog, with its fields already as CSV text.
 *
 * @param productId    product_id
 * @param categoryId   category_id, a 19-digit integer
 * @param categoryCode category_code, or null
 * @param brand        brand, or null
 * @param price        price with two decimals
 * @param csv          "product_id,category_id,category_code,brand,price" in ASCII, the middle of a row
 */
record Product(String productId, String categoryId, String categoryCode, String brand, String price, byte[] csv) {
}
