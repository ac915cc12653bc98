#!/bin/sh
# As in the Kafka distribution.
exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlog4j2.level=ERROR -cp '/opt/kafka/libs/*' \
  org.apache.kafka.tools.TopicCommand "$@"
