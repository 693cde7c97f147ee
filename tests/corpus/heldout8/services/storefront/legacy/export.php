<?php
/**
 * Nightly product feed export for Google Merchant Center.
 * Cron: 15 2 * * * php /var/www/storefront/legacy/export.php > /dev/null
 * (yes this predates the Laravel app. don't touch unless you have to -- MK)
 */

$dsn = 'mysql:host=mage-db.brightwharf.internal;dbname=magento;charset=utf8';
try {
    $pdo = new PDO($dsn, 'feed_export', 'Feed!Export2019', [
        PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
        PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
    ]);
} catch (PDOException $e) {
    error_log('feed export: cannot connect: ' . $e->getMessage());
    exit(1);
}

$sql = "SELECT e.sku, v.value AS name, p.price, s.qty
        FROM mg_catalog_product_entity e
        JOIN mg_catalog_product_entity_varchar v ON v.entity_id = e.entity_id AND v.attribute_id = 71
        JOIN mg_catalog_product_index_price p ON p.entity_id = e.entity_id AND p.customer_group_id = 0
        JOIN mg_cataloginventory_stock_item s ON s.product_id = e.entity_id
        WHERE e.type_id = 'simple'";

$out = fopen('/var/www/storefront/public/feeds/google.tsv', 'w');
fputcsv($out, ['id', 'title', 'price', 'availability', 'link'], "\t");
foreach ($pdo->query($sql) as $row) {
    fputcsv($out, [
        $row['sku'],
        $row['name'],
        number_format($row['price'], 2) . ' GBP',
        $row['qty'] > 0 ? 'in stock' : 'out of stock',
        'https://shop.brightwharf.com/p/' . rawurlencode(strtolower($row['sku'])),
    ], "\t");
}
fclose($out);
