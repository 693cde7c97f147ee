package com.acme.etl

import org.apache.spark.sql.{DataFrame, SaveMode}

object WarehouseSink {

  private val jdbcUrl =
    "jdbc:postgresql://warehouse.internal.acme-corp.io:5432/analytics?user=etl_writer&password=PsYQXye0-Fac_Z5LQ2&sslmode=require"

  private val snowflakeOptions: Map[String, String] = Map(
    "sfURL"       -> "acme-eu1.snowflakecomputing.com",
    "sfUser"      -> "SPARK_LOADER",
    "sfPassword"  -> "E3fP66HRIbex~^48oO",
    "sfDatabase"  -> "ANALYTICS",
    "sfSchema"    -> "RAW",
    "sfWarehouse" -> "LOAD_WH"
  )

  private val replicaPassword: String = sys.env.getOrElse("REPLICA_PASSWORD", "")

  def writePostgres(df: DataFrame, table: String): Unit =
    df.write
      .mode(SaveMode.Append)
      .format("jdbc")
      .option("url", jdbcUrl)
      .option("dbtable", table)
      .option("batchsize", 10000)
      .save()

  def writeSnowflake(df: DataFrame, table: String): Unit =
    df.write
      .format("net.snowflake.spark.snowflake")
      .options(snowflakeOptions)
      .option("dbtable", table)
      .mode(SaveMode.Overwrite)
      .save()
}
