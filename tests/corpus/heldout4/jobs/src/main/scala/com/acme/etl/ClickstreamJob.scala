package com.acme.etl

import java.util.Properties

import org.apache.spark.sql.{DataFrame, SaveMode, SparkSession}
import org.apache.spark.sql.functions._

object ClickstreamJob {

  private val jdbcUrl = "jdbc:redshift://acme-dw.c1x2y3z4.eu-west-1.redshift.amazonaws.com:5439/dw"

  private val jdbcProps: Properties = {
    val p = new Properties()
    p.setProperty("user", "etl_writer")
    p.setProperty("password", "P1dVMxEe6&aXDnWZ")
    p.setProperty("driver", "com.amazon.redshift.jdbc42.Driver")
    p
  }

  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder().appName("clickstream-hourly").getOrCreate()

    val hc = spark.sparkContext.hadoopConfiguration
    hc.set("fs.s3a.access.key", "AKIAZHWO1UR0E8VYHQO5")
    hc.set("fs.s3a.secret.key", "XTILMOhakw+y4BgPoIrNSvozRCLAOraMbm9XU+Tk")

    val raw = spark.readStream
      .format("kafka")
      .option("kafka.bootstrap.servers", "pkc-4r297.eu-west-1.aws.confluent.cloud:9092")
      .option("kafka.security.protocol", "SASL_SSL")
      .option("kafka.sasl.mechanism", "PLAIN")
      .option("kafka.sasl.jaas.config",
        """org.apache.kafka.common.security.plain.PlainLoginModule required username="Q3MZ7XKJ4B2LWP5R" password="3cfysmqvBN5qbh6FKtOoSrDcu/2CHE5c7Ot17wDlbSmoTi/nXxLTfprAikn2BHEz";""")
      .option("subscribe", "clickstream.v2")
      .load()

    val events = raw
      .selectExpr("CAST(value AS STRING) AS json")
      .select(from_json(col("json"), Schemas.click).as("e"))
      .select("e.*")
      .withColumn("hour", date_trunc("hour", col("ts")))

    events.writeStream
      .foreachBatch { (batch: DataFrame, _: Long) =>
        batch.write.mode(SaveMode.Append).jdbc(jdbcUrl, "staging.clicks", jdbcProps)
      }
      .option("checkpointLocation", "s3a://acme-etl/checkpoints/clickstream")
      .start()
      .awaitTermination()
  }
}
