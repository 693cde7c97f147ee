(ns recommender.config
  (:require [environ.core :refer [env]]))

(def db-spec
  {:dbtype   "postgresql"
   :dbname   "recs"
   :host     "pg-recs.acme.local"
   :user     "recs"
   :password (or (env :recs-db-password) "recs_local_pw")})

(def kafka-config
  {"bootstrap.servers" "pkc-4r087.us-west2.gcp.confluent.cloud:9092"
   "security.protocol" "SASL_SSL"
   "sasl.mechanism"    "PLAIN"
   "sasl.jaas.config"  (str "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            "username=\"571SA7NY05XYLSBT\" password=\"njxf6SUcesA7hWEBn5N9X2151hh6EiMj3drtbGE7FTU3ye7P0N5vEjqjjHXMmMXt\";")})

(def token-types #{:access :refresh :id})

(def cache-key-prefix "recs:v2:")
