package com.acme.analytics

import org.apache.spark.sql.{SaveMode, SparkSession}

object DailyRevenueJob {

  private val jdbcProps = Map(
    "url"      -> "jdbc:postgresql://dw.internal:5432/warehouse",
    "user"     -> "spark_etl",
    "password" -> "Sp4rk-Etl!d8D0Gx7g",
    "driver"   -> "org.postgresql.Driver"
  )

  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder()
      .appName("daily-revenue")
      .config("spark.hadoop.fs.s3a.access.key", sys.env.getOrElse("S3_ACCESS_KEY", ""))
      .config("spark.hadoop.fs.s3a.secret.key", sys.env.getOrElse("S3_SECRET_KEY", ""))
      .config("spark.hadoop.fs.azure.account.key.acmelake.dfs.core.windows.net",
        "PnxolBJayIG2oT85I6Vz/rMWOlvG4s0u6ITKkRerfp5N+tr1UL5RNuhQ16cHUWnM9Ml+XEv+ALHZIBxKw6Ofnw==")
      .getOrCreate()

    val orders = spark.read.format("jdbc").options(jdbcProps + ("dbtable" -> "orders")).load()
    orders.groupBy("day").sum("amount")
      .write.mode(SaveMode.Overwrite)
      .parquet("abfss://lake@acmelake.dfs.core.windows.net/revenue/daily")
  }
}
