package dev.orrery.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CallTableTest {

    /** One step: add (or remove, when {@code remove}) the call of an id. */
    record Step(boolean remove, long id) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // Few distinct ids, many colliding: adds, removes, re-adds and growth through the cluster of one hash.
        Arbitrary<Long> ids = Arbitraries.oneOf(Arbitraries.longs().between(0, 40),
                Arbitraries.longs().map(id -> id << 16), Arbitraries.longs());
        return Arbitraries.of(true, false).flatMap(remove -> ids.map(id -> new Step(remove, id))).list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void behavesAsAMapOfIds(@ForAll("steps") List<Step> steps) {
        CallTable table = new CallTable();
        Map<Long, InboundCall> model = new HashMap<>();
        for (Step step : steps) {
            if (step.remove()) {
                assertThat(table.remove(step.id())).isSameAs(model.remove(step.id()));
            } else {
                InboundCall call = call(step.id());
                int added = table.add(step.id(), call);
                if (model.containsKey(step.id())) {
                    assertThat(added).isEqualTo(-1);
                } else {
                    model.put(step.id(), call);
                    assertThat(added).isEqualTo(model.size());
                }
            }
            assertThat(table.isEmpty()).isEqualTo(model.isEmpty());
        }
        for (Map.Entry<Long, InboundCall> entry : model.entrySet()) {
            assertThat(table.remove(entry.getKey(), call(entry.getKey()))).isFalse();
            assertThat(table.remove(entry.getKey(), entry.getValue())).isTrue();
        }
        assertThat(table.isEmpty()).isTrue();
    }

    @Test
    void clearHandsBackEveryCall() {
        CallTable table = new CallTable();
        for (long id = 1; id <= 100; id++) {
            table.add(id, call(id));
        }
        assertThat(table.clear()).hasSize(100);
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.remove(7)).isNull();
    }

    private static InboundCall call(long id) {
        return new InboundCall(null, null, id, id);
    }
}
