package com.acme.jobs

import org.apache.spark.sql.{SaveMode, SparkSession}

object ClickstreamIngest {

  private val jdbcUrl = "jdbc:mysql://mysql-events.acme.local:3306/events"
  private val jdbcProps = {
    val p = new java.util.Properties()
    p.setProperty("user", "spark")
    p.setProperty("password", "sp4rk_ingest")
    p
  }

  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder()
      .appName("clickstream-ingest")
      .config("spark.hadoop.fs.s3a.access.key", "AKIAEUMOOZV4UF8O5MBZ")
      .config("spark.hadoop.fs.s3a.secret.key", "0Obaj6aqUyZb2IiKDJfemJVJg5wqasQxeYU6vDWh")
      .config("spark.hadoop.fs.azure.account.key.acmedatalake.dfs.core.windows.net", "GYuv4dMjOm0xw8I9zSP+kt/2WRNdYiu8EuIo4JUtiz3Tdd+eToLm91nUHDSnPLbX10HhUqSsY9hCIrgLBI2iBA==")
      .getOrCreate()

    val df = spark.read.json("s3a://acme-clickstream/raw/" + args(0))
    val tokens = df.select("session_token").distinct().count()
    println(s"distinct session tokens: $tokens")

    df.write.mode(SaveMode.Append).jdbc(jdbcUrl, "clicks", jdbcProps)
    spark.stop()
  }
}
