package io.newswatch.bench.replay;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Records written to each topic with a given prefix: the sum of its partitions' end offsets. */
final class TopicSizes {

    private TopicSizes() {
    }

    static Map<String, Long> of(String bootstrap, String prefix) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            var names = admin.listTopics().names().get().stream().filter(t -> t.startsWith(prefix)).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
                d.partitions().forEach(i -> ends.put(new TopicPartition(d.name(), i.partition()), OffsetSpec.latest()));
            }
            Map<String, Long> sizes = new TreeMap<>();
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(ends).all().get().entrySet()) {
                sizes.merge(e.getKey().topic(), e.getValue().offset(), Long::sum);
            }
            return sizes;
        }
    }
}
